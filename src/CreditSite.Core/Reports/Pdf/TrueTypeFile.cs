using System.Buffers.Binary;

namespace CreditSite.Reports.Pdf;

/// <summary>What the report PDF code reads from a single-face TrueType file itself: the table directory, the cmap's
/// subtables and a format-4 subtable's glyph for each character of the Basic Multilingual Plane.</summary>
internal static class TrueTypeFile
{
    /// <summary>Throws <see cref="InvalidDataException"/> when the data is not a single-face TrueType file (a
    /// collection, a CFF-only OpenType face, a truncated file).</summary>
    public static void CheckIsTrueType(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000 or 0x74727565))
        {
            throw new InvalidDataException("不是 TrueType 字体文件（PDF 需要 TrueType 轮廓，不支持 .ttc 与 CFF 字体）。");
        }
    }

    /// <summary>Where the table directory's record of <paramref name="tag"/> starts, or -1.</summary>
    public static int TableRecord(ReadOnlySpan<byte> font, ReadOnlySpan<byte> tag)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tables; i++)
        {
            if (font.Slice(12 + i * 16, 4).SequenceEqual(tag))
            {
                return 12 + i * 16;
            }
        }

        return -1;
    }

    /// <summary>The glyph of every code point U+0000–U+FFFF in a format-4 subtable (0: the face has none).</summary>
    public static ushort[] Format4Glyphs(ReadOnlySpan<byte> table)
    {
        var glyphs = new ushort[0x10000];
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + segments * 2)..];
        var deltas = table[(16 + segments * 4)..];
        var rangeOffsets = table[(16 + segments * 6)..];
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(ends[(s * 2)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(starts[(s * 2)..]);
            if (start == 0xFFFF)
            {
                continue;
            }

            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(s * 2)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(s * 2)..]);
            for (var c = start; c <= end; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    // The glyph index array is addressed from the idRangeOffset entry itself (OpenType spec, cmap format 4).
                    var at = s * 2 + rangeOffset + (c - start) * 2;
                    glyph = at + 1 < rangeOffsets.Length ? BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[at..]) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                glyphs[c] = (ushort)glyph;
            }
        }

        return glyphs;
    }
}
