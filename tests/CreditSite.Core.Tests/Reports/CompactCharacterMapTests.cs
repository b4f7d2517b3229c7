using System.Buffers.Binary;
using CreditSite.Reports.Pdf;

namespace CreditSite.Core.Tests.Reports;

/// <summary>The report faces are handed to PDFsharp with their Windows Unicode cmap in a few segments
/// (<see cref="CompactCharacterMap"/>): every character must still find the glyph it had, and nothing else in the face
/// may change, since the embedded subset is built from the other tables.</summary>
public sealed class CompactCharacterMapTests
{
    [Theory]
    [InlineData(ReportFont.DefaultPath)]
    [InlineData(ReportFont.DefaultFallbackPath)]
    public void EveryCharacterKeepsItsGlyphAndALookupWalksAFewSegments(string path)
    {
        var font = File.ReadAllBytes(path);

        var rewritten = CompactCharacterMap.Rewrite(font);

        var (glyphs, segments) = WindowsBmpMap(font);
        var (newGlyphs, newSegments) = WindowsBmpMap(rewritten);
        Assert.Equal(glyphs, newGlyphs);
        Assert.True(segments > 1000, $"{path} has {segments} segments");
        Assert.InRange(newSegments, 2, 16);
    }

    [Theory]
    [InlineData(ReportFont.DefaultPath)]
    [InlineData(ReportFont.DefaultFallbackPath)]
    public void EveryOtherTableIsLeftAsItWas(string path)
    {
        var font = File.ReadAllBytes(path);

        var rewritten = CompactCharacterMap.Rewrite(font);

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        Assert.Equal(tables, BinaryPrimitives.ReadUInt16BigEndian(rewritten.AsSpan(4)));
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + i * 16;
            if (font.AsSpan(record, 4).SequenceEqual("cmap"u8))
            {
                continue;
            }

            Assert.True(Table(font, record).SequenceEqual(Table(rewritten, record)), $"table {System.Text.Encoding.ASCII.GetString(font, record, 4)}");
        }
    }

    private static (ushort[] Glyphs, int Segments) WindowsBmpMap(byte[] font)
    {
        var record = TrueTypeFile.TableRecord(font, "cmap"u8);
        var cmap = Table(font, record);
        var subtable = cmap[CompactCharacterMap.WindowsBmpSubtable(cmap)..];
        return (TrueTypeFile.Format4Glyphs(subtable), BinaryPrimitives.ReadUInt16BigEndian(subtable[6..]) / 2);
    }

    private static ReadOnlySpan<byte> Table(byte[] font, int record) => font.AsSpan(
        (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)),
        (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12)));
}
