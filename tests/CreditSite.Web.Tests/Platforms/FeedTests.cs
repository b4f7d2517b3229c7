using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CreditSite.Content;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>Atom feeds of the black list (all, or one field), role models and announcements; only what is in public
/// view, newest first, linked from their pages.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class FeedTests(SeededPlatformSite site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task BlackListFeedIsAtomWithOnlyEntriesInPublicViewNewestFirst()
    {
        var feed = await GetFeedAsync("/feeds/black-list.atom");

        var entries = feed.Elements(Atom + "entry").ToList();
        var titles = entries.Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Equal(
        [
            $"{SeededPlatformSite.TaxBlackName}（税务）",
            $"{SeededPlatformSite.BlackName}（食品药品）",
            $"{SeededPlatformSite.BlackName}（工程质量）",
            $"{SeededPlatformSite.ExpiringName}（价格）",
        ], titles);
        Assert.DoesNotContain(titles, t => t.Contains(SeededPlatformSite.ExitedName, StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains(SeededPlatformSite.RedName, StringComparison.Ordinal));
        Assert.Equal($"{PlatformSite.PublicBaseUrl}/subjects/{SeededPlatformSite.TaxBlackCode}", Link(entries[0], "alternate"));
        Assert.Contains("失信程度：严重", entries[0].Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Equal(PlatformSite.Today.AddDays(-5), DateOnly.FromDateTime(DateTimeOffset.Parse(entries[0].Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime));
    }

    [Fact]
    public async Task BlackListFeedForOneField()
    {
        var feed = await GetFeedAsync("/feeds/black-list.atom?field=" + Uri.EscapeDataString("食品药品"));

        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal($"{SeededPlatformSite.BlackName}（食品药品）", entry.Element(Atom + "title")!.Value);
        Assert.Contains("食品药品", feed.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal($"{PlatformSite.PublicBaseUrl}/lists/black?field=%E9%A3%9F%E5%93%81%E8%8D%AF%E5%93%81", Link(feed, "alternate"));
    }

    [Fact]
    public async Task UnknownFieldIsRefusedWithTheListOfFields()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/feeds/black-list.atom?field=" + Uri.EscapeDataString("<script>"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("未知的领域", text, StringComparison.Ordinal);
        Assert.Contains("食品药品", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleModelFeedListsThePublishedHonoursNewestFirst()
    {
        var library = site.Services.GetRequiredService<ContentLibrary>();
        var feed = await GetFeedAsync("/feeds/role-models.atom");

        Assert.NotEmpty(library.RoleModels);
        Assert.Equal(library.RoleModels.Select(r => r.Title), feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal($"{PlatformSite.PublicBaseUrl}/role-models", Link(feed, "alternate"));
        Assert.Equal($"{PlatformSite.PublicBaseUrl}/role-models/{library.RoleModels[0].Slug}", Link(feed.Elements(Atom + "entry").First(), "alternate"));
    }

    [Fact]
    public async Task AnnouncementFeedListsThePublishedAnnouncementsNewestFirst()
    {
        var library = site.Services.GetRequiredService<ContentLibrary>();
        var feed = await GetFeedAsync("/feeds/announcements.atom");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(library.Announcements.Select(a => a.Title), entries.Select(e => e.Element(Atom + "title")!.Value));
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(library.Announcements[0].Summary, entries[0].Element(Atom + "summary")!.Value);
    }

    [Theory]
    [InlineData("/role-models", "/feeds/role-models.atom")]
    [InlineData("/announcements", "/feeds/announcements.atom")]
    [InlineData("/lists/black", "/feeds/black-list.atom")]
    public async Task PagesLinkTheirFeed(string page, string feed)
    {
        var html = await site.CreateClient().GetHtmlAsync(page);

        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"{Regex.Escape(feed)}\" />", html);
    }

    [Fact]
    public async Task BlackListPageLinksItsFeedForTheChosenField()
    {
        var html = await site.CreateClient().GetHtmlAsync("/lists/black?field=" + Uri.EscapeDataString("税务"));

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/feeds/black-list.atom?field=%E7%A8%8E%E5%8A%A1\"", html, StringComparison.Ordinal);
    }

    /// <summary>Checks what RFC 4287 requires of a feed and its entries, and returns the feed element.</summary>
    private async Task<XElement> GetFeedAsync(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        AssertRequired(feed);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.StartsWith(PlatformSite.PublicBaseUrl + "/feeds/", Link(feed, "self"), StringComparison.Ordinal);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            AssertRequired(entry);
            Assert.True(Uri.IsWellFormedUriString(Link(entry, "alternate"), UriKind.Absolute));
        }

        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        return feed;
    }

    private static void AssertRequired(XElement element)
    {
        Assert.True(Uri.TryCreate(Assert.Single(element.Elements(Atom + "id")).Value, UriKind.Absolute, out _), "atom:id must be an absolute IRI");
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(element.Elements(Atom + "title")).Value));
        var updated = Assert.Single(element.Elements(Atom + "updated")).Value;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", updated);
    }

    private static string Link(XElement element, string rel) =>
        element.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == rel).Attribute("href")!.Value;
}
