using CreditSite.Web.Site.Security;

namespace CreditSite.Web.Features.Embeds;

/// <summary><c>Embedding</c> section: which sites may show the embeddable query window and badges in a frame.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embedding";

    /// <summary>Origins allowed to frame <c>/embed/search</c> and <c>/embed/badge/…</c>, e.g.
    /// <c>https://shop.example.com</c> or <c>http://127.0.0.1:5000</c>. The site itself is always allowed, so the
    /// developer page can preview them. Every other page refuses any frame.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Bare origins only: nothing that could smuggle another CSP directive (spaces, semicolons, paths).</summary>
    public bool HasOnlyValidOrigins() => AllowedOrigins.All(SecurityHeadersOptions.IsOrigin);
}
