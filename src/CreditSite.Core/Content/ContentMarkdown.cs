using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace CreditSite.Content;

/// <summary>Renders content Markdown: GFM pipe tables, auto-links and heading ids; raw HTML is not parsed (it comes
/// out as text). The HTML is then sanitised as well, because Markdig passes link targets through unchanged
/// (<c>[x](javascript:…)</c>) and a second, independent filter keeps one pipeline mistake from becoming an XSS hole.</summary>
public static class ContentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        // GitHub style keeps Chinese characters in ids (一、基本原则 → #一基本原则) instead of dropping them.
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static SanitizedHtml ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
        return new SanitizedHtml(Sanitizer.Sanitize(html));
    }

    public static string ToPlainText(string markdown)
    {
        var text = Markdown.ToPlainText(markdown ?? string.Empty, Pipeline);
        return string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        // Heading anchors; style attributes would only be blocked by the CSP (style-src 'self') and log violations.
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
