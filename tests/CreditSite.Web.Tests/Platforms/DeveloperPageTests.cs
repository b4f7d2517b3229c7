using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>/embed</c>: what each embed shows, a live preview from the site itself, and snippets to copy.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class DeveloperPageTests(SeededPlatformSite site)
{
    [Fact]
    public async Task OffersEverySnippetPointingAtThePublicSite()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed");

        Assert.Contains($"<iframe src=\"{PlatformSite.PublicBaseUrl}/embed/search\"", html, StringComparison.Ordinal);
        Assert.Contains($"{PlatformSite.PublicBaseUrl}/embed/badge/", html, StringComparison.Ordinal);
        Assert.Contains($".svg\" alt=\"信用常州信用状态\"", html, StringComparison.Ordinal);
        Assert.Contains($"{PlatformSite.PublicBaseUrl}/api/v1/status", html, StringComparison.Ordinal);
        Assert.Contains(PlatformSite.AllowedOrigin, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewsEmbedsFromTheSiteItselfWithExamplesOfEachList()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed");

        Assert.Contains("<iframe class=\"preview-search\" src=\"/embed/search\"", html, StringComparison.Ordinal);
        Assert.Contains("<iframe class=\"preview-badge\" src=\"/embed/badge/", html, StringComparison.Ordinal);
        Assert.Contains($"/embed?uscc={SeededPlatformSite.RedCode}", html, StringComparison.Ordinal);
        Assert.Contains($"/embed?uscc={SeededPlatformSite.TaxBlackCode}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewsTheCodeAVisitorEnters()
    {
        var html = await site.CreateClient().GetHtmlAsync($"/embed?uscc={SeededPlatformSite.BlackCode.ToLowerInvariant()}");

        Assert.Contains($"src=\"/embed/badge/{SeededPlatformSite.BlackCode}.svg\"", html, StringComparison.Ordinal);
        Assert.Contains($"{PlatformSite.PublicBaseUrl}/q/{SeededPlatformSite.BlackCode}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenPreviewCodeGetsTheCheckMessage()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/embed?uscc=12345", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("应为18位", await response.Content.ReadHtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyButtonsComeFromAScriptFileNotInlineScript()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed");

        Assert.Contains("<script src=\"/js/copy-snippet.js", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        using var script = await site.CreateClient().GetAsync(new Uri("/js/copy-snippet.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
