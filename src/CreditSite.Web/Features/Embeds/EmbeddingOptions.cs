using System.Text.RegularExpressions;

namespace CreditSite.Web.Features.Embeds;

/// <summary><c>Embedding</c> section: which sites may show the embeddable query window and badges in a frame.</summary>
public sealed partial class EmbeddingOptions
{
    public const string Section = "Embedding";

    /// <summary>Origins allowed to frame <c>/embed/search</c> and <c>/embed/badge/…</c>, as CSP source expressions
    /// (<c>https://shop.example.com</c>, <c>https://*.example.com</c>, <c>http://127.0.0.1:5000</c>). The site
    /// itself is always allowed, so the developer page can preview them. Every other page refuses any frame.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>An origin is a scheme, a host (optionally <c>*.</c>-prefixed) and an optional port: nothing that
    /// could smuggle another CSP directive (spaces, semicolons, quotes, paths).</summary>
    public bool HasOnlyValidOrigins() => AllowedOrigins.All(o => Origin().IsMatch(o));

    [GeneratedRegex(@"^https?://(\*\.)?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*(:[0-9]{1,5})?$")]
    private static partial Regex Origin();
}
