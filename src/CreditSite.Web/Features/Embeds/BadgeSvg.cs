using System.Globalization;
using System.Text;
using System.Security;

namespace CreditSite.Web.Features.Embeds;

/// <summary>Draws the status badge as SVG: "信用常州" on the left, the standing and the day it was checked on the
/// right. Widths are estimated from the text (a CJK character is one em, other characters about 0.6 em), since
/// the platform's browser picks the actual font from the fallback list.</summary>
public static class BadgeSvg
{
    private const string FontFamily = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Heiti SC',sans-serif";
    private const string Label = "信用常州";
    private const int Height = 40;
    private const int Padding = 8;

    /// <param name="demo">The site holds demonstration data: the badge says 演示数据 instead of the check date.</param>
    public static string Render(SubjectStatus status, bool demo = false)
    {
        ArgumentNullException.ThrowIfNull(status);
        var colour = status.Standing switch
        {
            ListStanding.Black => "#24292f",
            ListStanding.Red => "#b4141b",
            _ => "#1a7f37",
        };
        var checkedText = demo ? "演示数据 · 非真实认定" : "核查日期 " + status.CheckedOnText;
        return Render(status.BadgeText, checkedText, colour, $"信用常州：{status.BadgeText}，{checkedText}");
    }

    /// <summary>The badge for a code that fails its check: says so instead of a standing.</summary>
    public static string RenderInvalid() => Render("代码有误", "请核对统一社会信用代码", "#6e7781", "信用常州：统一社会信用代码有误");

    public static string RenderUnavailable() => Render("暂不可用", "请稍后再试", "#6e7781", "信用常州：查询服务暂时不可用");

    private static string Render(string main, string small, string colour, string description)
    {
        var left = (int)Math.Ceiling(Width(Label, 13)) + (2 * Padding);
        var right = (int)Math.Ceiling(Math.Max(Width(main, 14), Width(small, 10))) + (2 * Padding);
        var width = left + right;
        var sb = new StringBuilder();
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\" aria-label=\"{Xml(description)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{Xml(description)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{Height}\" rx=\"4\" fill=\"{colour}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{left}\" height=\"{Height}\" rx=\"4\" fill=\"#8a0f14\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left - 4}\" width=\"4\" height=\"{Height}\" fill=\"#8a0f14\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<g fill=\"#fff\" font-family=\"{FontFamily}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left / 2.0)}\" y=\"25\" font-size=\"13\" text-anchor=\"middle\">{Label}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + (right / 2.0))}\" y=\"18\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\">{Xml(main)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + (right / 2.0))}\" y=\"33\" font-size=\"10\" text-anchor=\"middle\">{Xml(small)}</text>");
        sb.Append("</g></svg>");
        return sb.ToString();
    }

    // Escapes for text and attribute values alike, leaving Chinese characters readable in the file.
    private static string Xml(string text) => SecurityElement.Escape(text);

    private static double Width(string text, double fontSize) =>
        text.Sum(c => c > 0x2E80 ? 1.0 : 0.62) * fontSize;
}
