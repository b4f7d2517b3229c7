using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Hosting;

/// <summary>A site started on some other port than 5080, with no public address configured (Development does not
/// need one): every absolute link it hands out leads back to it.</summary>
public sealed class PublicUrlsTests(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    private string Base => site.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feeds/announcements.atom")]
    [InlineData("/embed")]
    [InlineData("/api")]
    [InlineData("/")]
    public async Task AbsoluteLinksFollowTheAddressTheSiteWasReachedAt(string path)
    {
        using var client = new HttpClient { BaseAddress = site.BaseAddress };

        var body = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.DoesNotContain("localhost:5080", body, StringComparison.Ordinal);
        Assert.Contains(Base, body, StringComparison.Ordinal);
    }
}
