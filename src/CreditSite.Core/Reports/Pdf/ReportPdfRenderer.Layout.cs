using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CreditSite.Reports.Pdf;

/// <summary>The page layout the renderer writes through: lines that wrap and break pages, and the text styles.</summary>
public sealed partial class ReportPdfRenderer
{
    /// <summary>The pen position and page breaks. CJK text has no spaces to break at, so lines are wrapped by
    /// measured character widths (cached per font and character: the same few hundred characters recur).</summary>
    private sealed class Layout(ReportPdfRenderer renderer, PdfDocument document)
    {
        private readonly Dictionary<(TextStyle, Rune), double> _widths = [];
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
        /// main face's baseline.</summary>
        public void Draw(string line, TextStyle style, XBrush brush, double x)
        {
            var baseline = Y + style.Ascent;
            var run = new StringBuilder();
            ReportFont.Face? face = null;
            foreach (var rune in line.EnumerateRunes())
            {
                var next = style.Font.FaceFor(rune.Value);
                if (face is not null && next != face)
                {
                    x = DrawRun(run, style.For(face), brush, x, baseline);
                }

                face = next;
                run.Append(rune.ToString());
                SetSupplementaryCharacters |= !rune.IsBmp;
            }

            if (face is not null)
            {
                DrawRun(run, style.For(face), brush, x, baseline);
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
        public List<string> Wrap(string text, TextStyle style, double width)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var rune in text.ReplaceLineEndings(" ").EnumerateRunes())
            {
                var w = Width(style, rune);
                if (lineWidth + w > width && line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    lineWidth = 0;
                    if (rune.Value == ' ')
                    {
                        continue;
                    }
                }

                line.Append(rune.ToString());
                lineWidth += w;
            }

            if (line.Length > 0 || lines.Count == 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        public void Finish()
        {
            _graphics?.Dispose();
            _graphics = null;
        }

        private double Width(TextStyle style, Rune rune)
        {
            if (!_widths.TryGetValue((style, rune), out var w))
            {
                w = Graphics.MeasureString(rune.ToString(), style.For(style.Font.FaceFor(rune.Value))).Width;
                _widths[(style, rune)] = w;
            }

            return w;
        }

        private double DrawRun(StringBuilder run, XFont font, XBrush brush, double x, double baseline)
        {
            var text = run.ToString();
            run.Clear();
            Graphics.DrawString(text, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            return x + Graphics.MeasureString(text, font).Width;
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

    /// <summary>One size and weight, in both faces of the report font.</summary>
    private sealed class TextStyle(ReportFont font, double size, XFontStyleEx style)
    {
        public ReportFont Font { get; } = font;

        public double Size { get; } = size;

        public XFont Main { get; } = new(font.Main.FamilyName, size, style, FontOptions);

        public XFont Fallback { get; } = new(font.Fallback.FamilyName, size, style, FontOptions);

        /// <summary>The main face's ascent in points: where a top-aligned line's baseline lies.</summary>
        public double Ascent => Size * Main.Metrics.Ascent / Main.Metrics.UnitsPerEm;

        public XFont For(ReportFont.Face face) => face == Font.Main ? Main : Fallback;
    }
}
