using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CreditSite.Reports.Pdf;

/// <summary>The page layout the renderer writes through: lines that wrap and break pages, and the text styles.</summary>
public sealed partial class ReportPdfRenderer
{
    /// <summary>The pen position and page breaks. CJK text has no spaces to break at, so lines are wrapped by
    /// character widths, which each style measures once per character for every report (<see cref="TextStyle.Width"/>).</summary>
    private sealed class Layout(ReportPdfRenderer renderer, PdfDocument document)
    {
        private XGraphics? _graphics;

        public double Y { get; set; }

        /// <summary>Whether any character outside the Basic Multilingual Plane was set (its text map needs repair).</summary>
        public bool SetSupplementaryCharacters { get; private set; }

        public XGraphics Graphics => _graphics ?? NewPage();

        public void Heading(string text)
        {
            KeepTogether(LineHeight(renderer._heading) + LineHeight(renderer._body) * 2);
            Draw(text, renderer._heading, new XSolidBrush(Accent), Margin);
            Y += LineHeight(renderer._heading);
            Graphics.DrawLine(new XPen(Rule, 0.5), Margin, Y - 3, PageWidth - Margin, Y - 3);
            Y += 4;
        }

        public void Field(string label, string value) => Paragraph($"{label}：{value}", renderer._body);

        public void Indented(string label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            Paragraph($"{label}：{value}", renderer._body, indent: 18);
        }

        public void Paragraph(string text, TextStyle style, double indent = 0)
        {
            foreach (var line in Wrap(text, style, ContentWidth - indent))
            {
                KeepTogether(LineHeight(style));
                Draw(line, style, XBrushes.Black, Margin + indent);
                Y += LineHeight(style);
            }
        }

        /// <summary>Sets one line at the pen's height, each run of characters in the face that has them, all on the
        /// main face's baseline. A run's advance is the sum of its characters' widths, as PDFsharp measures it.</summary>
        public void Draw(string line, TextStyle style, XBrush brush, double x)
        {
            line = WellFormed(line);
            var baseline = Y + style.Ascent;
            ReportFont.Face? face = null;
            var start = 0;
            var runWidth = 0.0;
            for (var i = 0; i < line.Length;)
            {
                Rune.DecodeFromUtf16(line.AsSpan(i), out var rune, out var length);
                var next = style.Font.FaceFor(rune.Value);
                if (face is not null && next != face)
                {
                    Graphics.DrawString(line[start..i], style.For(face), brush, x, baseline, XStringFormats.BaseLineLeft);
                    x += runWidth;
                    runWidth = 0;
                    start = i;
                }

                face = next;
                runWidth += style.Width(rune);
                SetSupplementaryCharacters |= !rune.IsBmp;
                i += length;
            }

            if (face is not null)
            {
                Graphics.DrawString(start == 0 ? line : line[start..], style.For(face), brush, x, baseline, XStringFormats.BaseLineLeft);
            }
        }

        /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
        public void KeepTogether(double height)
        {
            if (_graphics is null || Y + height > PageHeight - BottomMargin)
            {
                NewPage();
            }
        }

        /// <summary>Cuts <paramref name="text"/> into lines no wider than <paramref name="width"/>, by whole characters
        /// (a supplementary-plane character is one rune, two UTF-16 units: never split).</summary>
        public static List<string> Wrap(string text, TextStyle style, double width)
        {
            text = WellFormed(text.ReplaceLineEndings(" "));
            var lines = new List<string>();
            var start = 0;
            var lineWidth = 0.0;
            for (var i = 0; i < text.Length;)
            {
                Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
                var w = style.Width(rune);
                if (lineWidth + w > width && i > start)
                {
                    lines.Add(text[start..i].TrimEnd());
                    lineWidth = 0;
                    start = i;
                    if (rune.Value == ' ')
                    {
                        i += length;
                        start = i;
                        continue;
                    }
                }

                lineWidth += w;
                i += length;
            }

            if (text.Length > start || lines.Count == 0)
            {
                lines.Add(text[start..]);
            }

            return lines;
        }

        public void Finish()
        {
            _graphics?.Dispose();
            _graphics = null;
        }

        /// <summary>The text with any unpaired surrogate replaced by U+FFFD, as the renderer has always set it.</summary>
        private static string WellFormed(string text)
        {
            if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            {
                return text;
            }

            var wellFormed = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                wellFormed.Append(rune.ToString());
            }

            return wellFormed.ToString();
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _graphics = XGraphics.FromPdfPage(page);
            Y = Margin;
            return _graphics;
        }
    }

    /// <summary>One size and weight, in both faces of the report font, with the width of each character it has set.
    /// The renderer is one per site and its styles are shared by every report made, on any thread.</summary>
    private sealed class TextStyle(ReportFont font, double size, XFontStyleEx style)
    {
        // Past this many distinct characters a style stops remembering new ones (text from imports could hold any of
        // Unicode's million code points); the common Chinese characters are some thousands.
        private const int MaxRememberedWidths = 30_000;

        private readonly ConcurrentDictionary<int, double> _widths = new();
        private int _remembered;

        public ReportFont Font { get; } = font;

        public double Size { get; } = size;

        public XFont Main { get; } = new(font.Main.FamilyName, size, style, FontOptions);

        public XFont Fallback { get; } = new(font.Fallback.FamilyName, size, style, FontOptions);

        /// <summary>The main face's ascent in points: where a top-aligned line's baseline lies.</summary>
        public double Ascent => Size * Main.Metrics.Ascent / Main.Metrics.UnitsPerEm;

        public XFont For(ReportFont.Face face) => face == Font.Main ? Main : Fallback;

        /// <summary>How far <paramref name="rune"/> advances the pen in the face that sets it: PDFsharp's own measure
        /// (glyph advance, plus the simulated bold's widening), asked once per character and kept.</summary>
        public double Width(Rune rune)
        {
            if (_widths.TryGetValue(rune.Value, out var width))
            {
                return width;
            }

            using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
            width = measure.MeasureString(rune.ToString(), For(Font.FaceFor(rune.Value))).Width;
            if (Volatile.Read(ref _remembered) < MaxRememberedWidths && _widths.TryAdd(rune.Value, width))
            {
                Interlocked.Increment(ref _remembered);
            }

            return width;
        }
    }
}
