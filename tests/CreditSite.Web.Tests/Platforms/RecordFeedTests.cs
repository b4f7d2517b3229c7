using System.Globalization;
using System.Net;
using System.Xml.Linq;
using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The Atom feeds of licences, penalties and commitments: valid Atom, only what is in public view, newest
/// decision first, each entry linking to its record page, a person by the masked ID number only.</summary>
public sealed class RecordFeedTests(RecordFeedTests.Site site) : IClassFixture<RecordFeedTests.Site>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly string Company = RecordsSite.Code("MA1F0001");
    private static readonly string PersonId = ResidentIdNumber.Complete("32048119781109003").Value;

    public sealed class Site : RecordsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var today = Today;
            const string Name = "常州市溧阳市订阅食品有限公司";
            await WriteAsync(RecordKind.Licence,
                Licence("XK-F01", Company, Name, today.AddDays(-30), today.AddYears(1)),
                Licence("XK-F02", Company, Name, today.AddDays(-3), today.AddYears(1)),
                Licence("XK-F03", Company, Name, today.AddDays(-1), today.AddYears(1), RecordStatus.Expired));
            await WriteAsync(RecordKind.Commitment,
                Commitment("CN-F01", Company, Name, today.AddDays(-2), today.AddYears(1)),
                Commitment("CN-F02", Company, Name, today.AddDays(-400), today.AddDays(-1)));
            await WriteAsync(RecordKind.Penalty,
                Penalty("CF-F01", Company, Name, today.AddDays(-20), today.AddDays(200)),
                PersonPenalty("CF-F02", PersonId, "钱某", today.AddDays(-4), today.AddDays(200)),
                Penalty("CF-F03", Company, Name, today.AddDays(-10), today.AddDays(200), RecordStatus.Repaired),
                Penalty("CF-F04", Company, Name, today.AddDays(-9), today.AddDays(200), RecordStatus.Revoked));
            await WaitForSubjectAsync(Company, "CF-F01", "XK-F02", "CN-F01");
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Theory]
    [InlineData("/feeds/licences.atom", "licence", "XK-F02,XK-F01")]
    [InlineData("/feeds/penalties.atom", "penalty", "CF-F02,CF-F01")]
    [InlineData("/feeds/commitments.atom", "commitment", "CN-F01")]
    public async Task EachKindHasAnAtomFeedOfItsPublicRecordsNewestFirstLinkingToTheirPages(string path, string kind, string ids)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(RecordsSite.PublicBaseUrl + path, feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.Equal($"{RecordsSite.PublicBaseUrl}/records/{kind}", Link(feed, "alternate"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(ids.Split(','), entries.Select(e => Link(e, "alternate").Split('/')[^1]));
        Assert.All(entries, e =>
        {
            Assert.StartsWith("tag:credit.example.cn,", e.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.StartsWith($"{RecordsSite.PublicBaseUrl}/records/{kind}/", Link(e, "alternate"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")!.Value));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "summary")!.Value));
            _ = DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture);
        });
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);
    }

    [Fact]
    public async Task APenalisedPersonAppearsWithTheMaskedNumberOnly()
    {
        var xml = await site.CreateClient().GetStringAsync(new Uri("/feeds/penalties.atom", UriKind.Relative));

        Assert.DoesNotContain(PersonId, xml, StringComparison.Ordinal);
        var entry = XDocument.Parse(xml).Root!.Elements(Atom + "entry").Single(e => Link(e, "alternate").EndsWith("/CF-F02", StringComparison.Ordinal));
        Assert.Contains("身份证号码：" + ResidentIdNumber.Mask(PersonId), entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Contains("处罚类别：罚款", entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordLeavesItsFeedOnTheDayItLeavesPublicView()
    {
        var xml = await site.CreateClient().GetStringAsync(new Uri("/feeds/commitments.atom", UriKind.Relative));

        Assert.DoesNotContain("CN-F02", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("/CF-F03", await site.CreateClient().GetStringAsync(new Uri("/feeds/penalties.atom", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("licence", "/feeds/licences.atom", "信用常州 · 行政许可")]
    [InlineData("penalty", "/feeds/penalties.atom", "信用常州 · 行政处罚")]
    [InlineData("commitment", "/feeds/commitments.atom", "信用常州 · 信用承诺")]
    public async Task EachKindsListPageLinksItsFeedForDiscovery(string kind, string feed, string title)
    {
        var html = System.Net.WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(new Uri("/records/" + kind, UriKind.Relative)));

        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{title}\" href=\"{feed}\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiReferenceLinksEveryRecordFeedForDiscovery()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/api", UriKind.Relative));

        var links = System.Text.RegularExpressions.Regex.Matches(html, """<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)" />""")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value)).ToList();
        Assert.Equal([("信用常州 · 行政许可", "/feeds/licences.atom"), ("信用常州 · 行政处罚", "/feeds/penalties.atom"), ("信用常州 · 信用承诺", "/feeds/commitments.atom")], links);
        foreach (var (_, href) in links)
        {
            using var response = await site.CreateClient().GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string Link(XElement element, string rel) =>
        element.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == rel).Attribute("href")!.Value;
}
