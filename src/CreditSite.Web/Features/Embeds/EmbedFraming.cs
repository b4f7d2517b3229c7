using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Embeds;

/// <summary>Who may put a page of this site in a frame. Only the embed routes may be framed, and only by the site
/// itself and the configured origins; every other page refuses framing both ways browsers understand
/// (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>).</summary>
public sealed class EmbedFraming(IOptions<EmbeddingOptions> options)
{
    private readonly string embedAncestors = string.Join(' ', new[] { "'self'" }.Concat(options.Value.AllowedOrigins));

    public static bool IsEmbedRoute(PathString path) =>
        path.StartsWithSegments("/embed/search", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/embed/badge", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of the CSP <c>frame-ancestors</c> directive for a request path.</summary>
    public string FrameAncestors(PathString path) => IsEmbedRoute(path) ? embedAncestors : "'none'";

    /// <summary>Sets the framing headers. <paramref name="otherDirectives"/> is the rest of the page's CSP, if any.</summary>
    public void Apply(HttpContext context, string? otherDirectives = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        var frameAncestors = "frame-ancestors " + FrameAncestors(context.Request.Path);
        headers.ContentSecurityPolicy = string.IsNullOrEmpty(otherDirectives) ? frameAncestors : otherDirectives.TrimEnd(' ', ';') + "; " + frameAncestors;
        if (IsEmbedRoute(context.Request.Path))
        {
            headers.Remove("X-Frame-Options");
            // Platforms load the badge image from their own pages.
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }
        else
        {
            headers.XFrameOptions = "DENY";
        }
    }
}
