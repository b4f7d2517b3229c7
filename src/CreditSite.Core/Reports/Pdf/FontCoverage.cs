using System.Buffers.Binary;

namespace CreditSite.Reports.Pdf;

/// <summary>Which code points a TrueType face has glyphs for, read from its <c>cmap</c> table (format 12 for faces
/// that reach beyond the Basic Multilingual Plane, format 4 otherwise). The renderer uses it to set each character in
/// the first face that has it.</summary>
public sealed class FontCoverage
{
    private readonly (int First, int Last)[] _ranges;

    private FontCoverage((int First, int Last)[] ranges) => _ranges = ranges;

    public bool Covers(int codePoint)
    {
        int lo = 0, hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var (first, last) = _ranges[mid];
            if (codePoint < first)
            {
                hi = mid - 1;
            }
            else if (codePoint > last)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the coverage of a single-face TrueType file. Throws <see cref="InvalidDataException"/> when the
    /// data is not one (a collection, a CFF-only OpenType face, a truncated file).</summary>
    public static FontCoverage Read(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000 or 0x74727565))
        {
            throw new InvalidDataException("不是 TrueType 字体文件（PDF 需要 TrueType 轮廓，不支持 .ttc 与 CFF 字体）。");
        }

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tables; i++)
        {
            var record = font.Slice(12 + i * 16, 16);
            if (record[..4].SequenceEqual("cmap"u8))
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                return new FontCoverage(ReadCmap(font[offset..]));
            }
        }

        throw new InvalidDataException("字体文件没有 cmap 表。");
    }

    private static (int, int)[] ReadCmap(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int? format4 = null, format12 = null;
        for (var i = 0; i < count; i++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(cmap[(4 + i * 8)..]);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(cmap[(6 + i * 8)..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + i * 8)..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            if (format == 12 && (platform == 0 || (platform == 3 && encoding == 10)))
            {
                format12 ??= offset;
            }
            else if (format == 4 && (platform == 0 || (platform == 3 && encoding == 1)))
            {
                format4 ??= offset;
            }
        }

        if (format12 is { } f12)
        {
            return ReadFormat12(cmap[f12..]);
        }

        if (format4 is { } f4)
        {
            return ReadFormat4(cmap[f4..]);
        }

        throw new InvalidDataException("字体文件没有 Unicode 字符映射（cmap 格式 4 或 12）。");
    }

    private static (int, int)[] ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        var ranges = new List<(int, int)>(groups);
        for (var i = 0; i < groups; i++)
        {
            var group = table.Slice(16 + i * 12, 12);
            ranges.Add(((int)BinaryPrimitives.ReadUInt32BigEndian(group), (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..])));
        }

        return Merge(ranges);
    }

    private static (int, int)[] ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + segments * 2)..];
        var deltas = table[(16 + segments * 4)..];
        var rangeOffsets = table[(16 + segments * 6)..];
        var ranges = new List<(int, int)>();
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

                if (glyph != 0)
                {
                    ranges.Add((c, c));
                }
            }
        }

        return Merge(ranges);
    }

    private static (int, int)[] Merge(List<(int First, int Last)> ranges)
    {
        ranges.Sort();
        var merged = new List<(int First, int Last)>(ranges.Count);
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.First <= merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, r.Last));
            }
            else
            {
                merged.Add(r);
            }
        }

        return [.. merged];
    }
}
