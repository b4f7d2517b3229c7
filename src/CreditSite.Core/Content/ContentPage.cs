namespace CreditSite.Content;

/// <summary>What every published Markdown page has: the common front matter and the rendered body.</summary>
/// <param name="Slug">The file name without <c>.md</c>: lower-case ASCII letters, digits and <c>-</c>.</param>
/// <param name="Date">The document, award or publication date.</param>
/// <param name="IsDemo">Demonstration content: pages show a 「演示内容」 notice.</param>
/// <param name="BodyHtml">The Markdown body rendered with raw HTML disabled and then sanitised: safe to write unencoded.</param>
/// <param name="BodyText">The body as plain text, for search.</param>
/// <param name="SourcePath">Where it came from, relative to the site root (e.g. <c>content/policies/x.md</c>).</param>
public sealed record PageHeader(
    string Slug, string Title, DateOnly Date, string Summary, bool IsDemo, SanitizedHtml BodyHtml, string BodyText, string SourcePath);

/// <summary>A published Markdown page: its <see cref="PageHeader"/> and what its kind adds.</summary>
public abstract record ContentPage
{
    public required PageHeader Header { get; init; }

    public string Slug => Header.Slug;

    public string Title => Header.Title;

    public DateOnly Date => Header.Date;

    public string Summary => Header.Summary;

    public bool IsDemo => Header.IsDemo;

    public SanitizedHtml BodyHtml => Header.BodyHtml;

    public string BodyText => Header.BodyText;

    public string SourcePath => Header.SourcePath;

    /// <summary>Site-relative address of the page.</summary>
    public abstract string Url { get; }
}
