using System.Buffers.Binary;

namespace CreditSite.Reports.Pdf;

/// <summary>PDFsharp 6.2 finds a character's glyph by walking the face's cmap format-4 segments one by one from the
/// first (<c>OpenTypeDescriptor.BmpCodepointToGlyphIndex</c>), for every character it measures or draws. AR PL SungtiL
/// GB has 3,641 segments, one per run of GB 2312 characters, so each Chinese character cost about 2,000 comparisons:
/// the largest single cost of a report. This rewrites the face's Windows Unicode subtable (platform 3, encoding 1) as
/// a handful of segments that read glyph ids from the subtable's glyph array, every character mapped to the same glyph
/// as before. PDFsharp reads only the Windows subtables; the subset it embeds in a PDF has no cmap at all (Identity-H
/// addresses glyphs by id), so the file a reader gets is the same.</summary>
internal static class CompactCharacterMap
{
    private const int SegmentBytes = 8; // endCode, startCode, idDelta and idRangeOffset
    private const int HeaderBytes = 16; // format … rangeShift, and the reserved pad after endCode

    /// <summary>The face with its format-4 subtable rewritten, or <paramref name="font"/> itself when it has none to
    /// rewrite or the rewrite would not have fewer segments.</summary>
    public static byte[] Rewrite(byte[] font)
    {
        TrueTypeFile.CheckIsTrueType(font);
        var record = TrueTypeFile.TableRecord(font, "cmap"u8);
        if (record < 0)
        {
            return font;
        }

        var cmapOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
        var cmapLength = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12));
        var cmap = font.AsSpan(cmapOffset, cmapLength);
        var windows = WindowsBmpSubtable(cmap);
        if (windows < 0)
        {
            return font;
        }

        var original = cmap[windows..];
        var glyphs = TrueTypeFile.Format4Glyphs(original);
        var segments = Merge(Runs(glyphs));
        if (segments.Count + 1 >= BinaryPrimitives.ReadUInt16BigEndian(original[6..]) / 2)
        {
            return font;
        }

        var subtable = Write(segments, glyphs);

        // The new cmap is the old one with the new subtable after it, the Windows Unicode records pointing there; the
        // new cmap goes after the last table, and the directory's cmap record points to it.
        var newCmap = new byte[Pad(cmapLength) + subtable.Length];
        cmap.CopyTo(newCmap);
        subtable.CopyTo(newCmap, Pad(cmapLength));
        var count = BinaryPrimitives.ReadUInt16BigEndian(newCmap.AsSpan(2));
        for (var i = 0; i < count; i++)
        {
            var encodingRecord = newCmap.AsSpan(4 + i * 8);
            if (BinaryPrimitives.ReadUInt16BigEndian(encodingRecord) == 3 && BinaryPrimitives.ReadUInt16BigEndian(encodingRecord[2..]) == 1)
            {
                BinaryPrimitives.WriteUInt32BigEndian(encodingRecord[4..], (uint)Pad(cmapLength));
            }
        }

        var at = Pad(font.Length);
        var rewritten = new byte[at + Pad(newCmap.Length)];
        font.CopyTo(rewritten, 0);
        newCmap.CopyTo(rewritten, at);
        BinaryPrimitives.WriteUInt32BigEndian(rewritten.AsSpan(record + 4), Checksum(rewritten.AsSpan(at, Pad(newCmap.Length))));
        BinaryPrimitives.WriteUInt32BigEndian(rewritten.AsSpan(record + 8), (uint)at);
        BinaryPrimitives.WriteUInt32BigEndian(rewritten.AsSpan(record + 12), (uint)newCmap.Length);
        return rewritten;
    }

    /// <summary>Where the format-4 subtable PDFsharp reads (platform 3, encoding 1) starts in the cmap, or -1.</summary>
    internal static int WindowsBmpSubtable(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count; i++)
        {
            var encodingRecord = cmap[(4 + i * 8)..];
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(encodingRecord[4..]);
            if (BinaryPrimitives.ReadUInt16BigEndian(encodingRecord) == 3 && BinaryPrimitives.ReadUInt16BigEndian(encodingRecord[2..]) == 1
                && BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]) == 4)
            {
                return offset;
            }
        }

        return -1;
    }

    /// <summary>One segment: code points First..Last, either a run whose glyph ids follow the code points
    /// (<see cref="Delta"/>, no array) or looked up in the glyph array.</summary>
    private sealed record Segment(int First, int Last, bool Delta)
    {
        public int Bytes => SegmentBytes + (Delta ? 0 : 2 * (Last - First + 1));
    }

    /// <summary>The maximal runs of mapped code points whose glyph ids rise with them (the font's own segments, or fewer).</summary>
    private static List<Segment> Runs(ushort[] glyphs)
    {
        var runs = new List<Segment>();
        for (var c = 0; c < 0xFFFF; c++)
        {
            if (glyphs[c] == 0)
            {
                continue;
            }

            var first = c;
            while (c + 1 < 0xFFFF && glyphs[c + 1] != 0 && glyphs[c + 1] - (c + 1) == glyphs[first] - first)
            {
                c++;
            }

            runs.Add(new Segment(first, c, Delta: true));
        }

        return runs;
    }

    /// <summary>Joins neighbouring segments, the cheapest join in bytes first, while the subtable stays within its
    /// 16-bit length: each join spans the gap between them with zeros in the glyph array.</summary>
    private static List<Segment> Merge(List<Segment> runs)
    {
        var segments = new List<Segment?>(runs);
        var next = Enumerable.Range(1, runs.Count).ToArray();
        var previous = Enumerable.Range(-1, runs.Count).ToArray();
        var joins = new PriorityQueue<(int Left, Segment LeftAt, Segment RightAt), int>();
        void Offer(int left)
        {
            if (left >= 0 && next[left] < segments.Count)
            {
                var (a, b) = (segments[left]!, segments[next[left]]!);
                joins.Enqueue((left, a, b), Joined(a, b).Bytes - a.Bytes - b.Bytes);
            }
        }

        for (var i = 0; i < runs.Count; i++)
        {
            Offer(i);
        }

        var bytes = HeaderBytes + SegmentBytes + runs.Sum(r => r.Bytes); // with the closing 0xFFFF segment
        while (joins.TryDequeue(out var join, out var cost))
        {
            var right = next[join.Left];
            if (!ReferenceEquals(segments[join.Left], join.LeftAt) || right >= segments.Count || !ReferenceEquals(segments[right], join.RightAt))
            {
                continue; // one side has been joined since this was offered
            }

            if (bytes + cost > ushort.MaxValue)
            {
                break;
            }

            bytes += cost;
            segments[join.Left] = Joined(join.LeftAt, join.RightAt);
            segments[right] = null;
            next[join.Left] = next[right];
            if (next[right] < segments.Count)
            {
                previous[next[right]] = join.Left;
            }

            Offer(join.Left);
            Offer(previous[join.Left]);
        }

        return [.. segments.OfType<Segment>()];
    }

    private static Segment Joined(Segment a, Segment b) => new(a.First, b.Last, Delta: false);

    private static byte[] Write(List<Segment> segments, ushort[] glyphs)
    {
        var count = segments.Count + 1;
        var arrayLength = segments.Where(s => !s.Delta).Sum(s => s.Last - s.First + 1);
        var table = new byte[HeaderBytes + count * SegmentBytes + arrayLength * 2];
        var span = table.AsSpan();
        var searchRange = 2 * (1 << (int)Math.Log2(count));
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)table.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(count * 2));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)Math.Log2(searchRange / 2));
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)(count * 2 - searchRange));
        var ends = span[14..];
        var starts = span[(16 + count * 2)..];
        var deltas = span[(16 + count * 4)..];
        var rangeOffsets = span[(16 + count * 6)..];
        var array = 16 + count * 8;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            BinaryPrimitives.WriteUInt16BigEndian(ends[(s * 2)..], (ushort)segment.Last);
            BinaryPrimitives.WriteUInt16BigEndian(starts[(s * 2)..], (ushort)segment.First);
            if (segment.Delta)
            {
                BinaryPrimitives.WriteInt16BigEndian(deltas[(s * 2)..], unchecked((short)(glyphs[segment.First] - segment.First)));
                continue;
            }

            // idRangeOffset counts bytes from the entry itself to the segment's first glyph id.
            BinaryPrimitives.WriteUInt16BigEndian(rangeOffsets[(s * 2)..], (ushort)(array - (16 + count * 6 + s * 2)));
            for (var c = segment.First; c <= segment.Last; c++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[array..], glyphs[c]);
                array += 2;
            }
        }

        // The closing segment every format-4 subtable ends with: 0xFFFF maps to glyph 0.
        BinaryPrimitives.WriteUInt16BigEndian(ends[(segments.Count * 2)..], 0xFFFF);
        BinaryPrimitives.WriteUInt16BigEndian(starts[(segments.Count * 2)..], 0xFFFF);
        BinaryPrimitives.WriteInt16BigEndian(deltas[(segments.Count * 2)..], 1);
        return table;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    /// <summary>The table checksum of the TrueType spec: the sum of its big-endian 32-bit words.</summary>
    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= table.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(table[i..]);
        }

        return sum;
    }
}
