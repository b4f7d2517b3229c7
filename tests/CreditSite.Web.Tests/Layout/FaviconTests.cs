using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Layout;

/// <summary>Browsers ask for /favicon.ico on every page load; it used to answer 404 each time.</summary>
[Collection(SharedSites.Plain)]
public sealed class FaviconTests(SiteFactory site)
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task TheSiteIconIsServed(string path, string mediaType)
    {
        var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryPageLinksTheIcon()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/policies", UriKind.Relative));

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\"", html, StringComparison.Ordinal);
    }
}
