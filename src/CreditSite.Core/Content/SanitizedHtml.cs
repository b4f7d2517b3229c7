namespace CreditSite.Content;

/// <summary>HTML that came out of <see cref="ContentMarkdown.ToSafeHtml"/> (raw HTML disabled, then sanitised), so a
/// page may write it unencoded. A type of its own rather than ASP.NET Core's <c>HtmlString</c>: Core stays plain .NET
/// and the CLI does not ship the web framework.</summary>
public sealed record SanitizedHtml(string Value)
{
    public override string ToString() => Value;
}
