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
        TrueTypeFile.CheckIsTrueType(font);
        var record = TrueTypeFile.TableRecord(font, "cmap"u8);
        if (record < 0)
        {
            throw new InvalidDataException("字体文件没有 cmap 表。");
        }

        var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(record + 8)..]);
        return new FontCoverage(ReadCmap(font[offset..]));
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
        var glyphs = TrueTypeFile.Format4Glyphs(table);
        var ranges = new List<(int, int)>();
        for (var c = 0; c < glyphs.Length; c++)
        {
            if (glyphs[c] != 0)
            {
                ranges.Add((c, c));
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
