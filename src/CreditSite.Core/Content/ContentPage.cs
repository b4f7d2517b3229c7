namespace CreditSite.Content;

/// <summary>What every published Markdown page has: the common front matter and the rendered body.</summary>
public abstract record ContentPage
{
    /// <summary>The file name without <c>.md</c>: lower-case ASCII letters, digits and <c>-</c>.</summary>
    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>The document, award or publication date.</summary>
    public required DateOnly Date { get; init; }

    public required string Summary { get; init; }

    /// <summary>Demonstration content: pages show a 「演示内容」 notice.</summary>
    public bool IsDemo { get; init; }

    /// <summary>The Markdown body rendered with raw HTML disabled and then sanitised: safe to write unencoded.</summary>
    public required SanitizedHtml BodyHtml { get; init; }

    /// <summary>The body as plain text, for search.</summary>
    public required string BodyText { get; init; }

    /// <summary>Where it came from, relative to the site root (e.g. <c>content/policies/x.md</c>).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Site-relative address of the page.</summary>
    public abstract string Url { get; }
}
