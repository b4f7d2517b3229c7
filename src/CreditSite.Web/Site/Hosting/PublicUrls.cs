using Microsoft.Extensions.Options;

namespace CreditSite.Web.Site.Hosting;

/// <summary>The site's public address, for every absolute link it hands out: QR codes and verify addresses in PDFs,
/// grant links, embed snippets, <c>subjectUrl</c> in the status API, <c>og:url</c>, the sitemap, robots.txt and feeds.
/// From <c>Site:PublicBaseUrl</c>, which Production requires and validates (<see cref="ProductionSettings"/>); where it
/// is not set (Development, tests) the address follows the request, so a site started on another port links to itself.</summary>
public sealed class PublicUrls(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    /// <summary>Scheme, host, port and path base, without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            if (site.Value.PublicBaseUrl is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }

            // Only reached where nothing is configured, which Production refuses: the Host header is trusted here.
            return http.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/')
                : "http://localhost";
        }
    }
}
