using System.Xml.Linq;
using CreditSite.Content;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>sitemap.xml, robots.txt and the title, description and Open Graph tags for shared links.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class DiscoveryTests(SeededPlatformSite site)
{
    [Fact]
    public async Task SitemapListsContentPagesButNoSubjects()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var xml = XDocument.Parse(await site.CreateClient().GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));

        var locations = xml.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains(PlatformSite.PublicBaseUrl + "/", locations);
        var library = site.Services.GetRequiredService<ContentLibrary>();
        foreach (var page in library.Policies.Cast<ContentPage>().Concat(library.RoleModels).Concat(library.Announcements))
        {
            Assert.Contains(PlatformSite.PublicBaseUrl + page.Url, locations);
        }

        Assert.DoesNotContain(locations, l => l.Contains("/subjects/", StringComparison.Ordinal));
        Assert.DoesNotContain(PlatformSite.PublicBaseUrl + "/search", locations);
        Assert.DoesNotContain(PlatformSite.PublicBaseUrl + "/lists/black", locations);
    }

    [Fact]
    public async Task TheSiteMapPageListsWhatSitemapXmlListsAndTheSectionsItLeavesOut()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var client = site.CreateClient();
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var page = await client.GetStringAsync(new Uri("/site-map", UriKind.Relative));

        foreach (var location in xml.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).Where(l => l != PlatformSite.PublicBaseUrl + "/"))
        {
            Assert.Contains($"href=\"{location[PlatformSite.PublicBaseUrl.Length..]}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/search\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/lists/black\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RobotsPointsToTheSitemapAndKeepsCrawlersOffSubjectPages()
    {
        var robots = await site.CreateClient().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("User-agent: *", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /subjects/", robots, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {PlatformSite.PublicBaseUrl}/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectPageCarriesTitleDescriptionAndOpenGraphTags()
    {
        var html = await site.CreateClient().GetHtmlAsync($"/subjects/{SeededPlatformSite.BlackCode}");

        Assert.Contains($"<title>{SeededPlatformSite.BlackName} - 信用常州</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{SeededPlatformSite.BlackName} - 信用常州\" />", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:description\" content=\"", html, StringComparison.Ordinal);
        Assert.Contains("黑名单2条", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{PlatformSite.PublicBaseUrl}/subjects/{SeededPlatformSite.BlackCode}\" />", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:locale\" content=\"zh_CN\" />", html, StringComparison.Ordinal);
    }
}
