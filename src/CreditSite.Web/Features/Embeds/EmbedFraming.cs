using CreditSite.Web.Site.Security;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Embeds;

/// <summary>Which paths other sites may frame: only the embeds, by the site itself and the origins in
/// <c>Embedding:AllowedOrigins</c>. The security-headers middleware writes the headers (<c>frame-ancestors</c>, and
/// <c>X-Frame-Options: DENY</c> everywhere else); this adds the embed routes to its framing rules.</summary>
public static class EmbedFraming
{
    public static readonly IReadOnlyList<string> Routes = ["/embed/search", "/embed/badge"];

    public static void AddEmbedFramingRules(this IServiceCollection services)
    {
        services.AddOptions<SecurityHeadersOptions>().PostConfigure<IOptions<EmbeddingOptions>>((security, embedding) =>
        {
            foreach (var route in Routes)
            {
                security.Framing.Add(new FramingRule { PathPrefix = route, AllowSelf = true, AllowedOrigins = [.. embedding.Value.AllowedOrigins] });
            }
        });
    }

    /// <summary>Platforms load the badge from their own pages.</summary>
    public static void AllowCrossOriginLoading(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
    }
}
