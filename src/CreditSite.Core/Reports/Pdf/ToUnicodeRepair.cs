using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace CreditSite.Reports.Pdf;

/// <summary>PDFsharp 6.2 writes the ToUnicode destination of a supplementary-plane character as its code point in hex
/// (<c>&lt;2A6A5&gt;</c>), but ISO 32000-1 §9.10.3 wants UTF-16BE (<c>&lt;D869DEA5&gt;</c>): without this repair the
/// glyph prints right while copying, searching and <c>pdftotext</c> yield other characters. Rewrites those destinations
/// in every font's ToUnicode CMap of a finished document.</summary>
internal static partial class ToUnicodeRepair
{
    public static byte[] Repair(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary font || font.Elements.GetName("/Type") != "/Font"
                || font.Elements.GetReference("/ToUnicode")?.Value is not PdfDictionary { Stream: { } stream } map)
            {
                continue;
            }

            if (map.Elements.ContainsKey("/Filter") && !stream.TryUncompress())
            {
                continue;
            }

            var cmap = Encoding.ASCII.GetString(stream.Value);
            var repaired = SupplementaryDestination().Replace(cmap, m =>
            {
                var utf16 = char.ConvertFromUtf32(int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                return "<" + string.Concat(utf16.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";
            });
            stream.Value = Encoding.ASCII.GetBytes(repaired);
            map.Elements.SetInteger("/Length", stream.Value.Length);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    // A destination of five or six hex digits at the end of a bfrange or bfchar line: a code point above U+FFFF.
    [GeneratedRegex(@"<(1[0-9A-F]{4}|[2-9A-F][0-9A-F]{4}|10[0-9A-F]{4})>(?=\r?\n)")]
    private static partial Regex SupplementaryDestination();
}
