using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Hosting;

/// <summary>Static files travel compressed and, when addressed by their content hash, are cached for a year; pages are
/// never compressed (they echo input beside secrets).</summary>
[Collection(SharedSites.Plain)]
public sealed partial class StaticAssetsTests(SiteFactory site)
{
    [Fact]
    public async Task TheStylesheetTheLayoutLinksIsCompressedAndCachedForAYear()
    {
        var client = site.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var href = WebUtility.HtmlDecode(Stylesheet().Match(html).Groups[1].Value);
        Assert.Contains("?v=", href, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AFileWithoutAHashIsCachedForADay()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/favicon.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task PagesAreNotCompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/search?q=%E9%A3%9F%E5%93%81", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await site.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.css\\?v=[^\"]+)\"")]
    private static partial Regex Stylesheet();
}
