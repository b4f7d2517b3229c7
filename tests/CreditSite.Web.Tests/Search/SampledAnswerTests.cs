using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.Search;

/// <summary>A very broad query answered from a sample of its matches (<c>Search:Embedded:SampleAbove</c>, lowered here
/// so that 公司 over the demonstration entries is "very broad"): the page says that its counts are lower bounds and how
/// to get an exact answer, the facet counts carry a plus, and the API says <c>countedFromSample</c>. A narrow query on
/// the same site stays exact.</summary>
public sealed partial class SampledAnswerTests(SampledAnswerTests.Site site) : IClassFixture<SampledAnswerTests.Site>
{
    private static readonly string Broad = Uri.EscapeDataString("公司");

    [Fact]
    public async Task ThePageOfABroadQuerySaysItsCountsAreAtLeastAndHowToNarrowIt()
    {
        await site.SeedAsync();

        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(new Uri("/search?q=" + Broad, UriKind.Relative)));

        Assert.Contains("以上数目和筛选条件旁的数目都是“至少”数", html, StringComparison.Ordinal);
        Assert.Matches(LowerBoundTotal(), html);
        Assert.Matches(LowerBoundFacet(), html);
        Assert.DoesNotMatch(ExactFacet(), html);
    }

    [Fact]
    public async Task TheApiSaysABroadAnswerWasCountedFromASampleAndAFullNameStillFindsItsCompanyFirst()
    {
        await site.SeedAsync();
        var client = site.CreateClient();

        using var broad = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=" + Broad, UriKind.Relative)));
        var root = broad.RootElement;
        Assert.True(root.GetProperty("countedFromSample").GetBoolean());
        Assert.True(root.GetProperty("totalIsLowerBound").GetBoolean());
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);

        // The full name of the last row: whether or not its query is broad too, that company comes first.
        var subject = hits[^1].GetProperty("subject");
        var name = subject.GetProperty("name").GetString()!;
        using var full = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(name), UriKind.Relative)));
        var first = full.RootElement.GetProperty("hits")[0].GetProperty("subject");
        Assert.Equal(subject.GetProperty("subjectKey").GetString(), first.GetProperty("subjectKey").GetString());
    }

    [Fact]
    public async Task ANarrowQueryOnTheSameSiteIsCountedExactly()
    {
        await site.SeedAsync();
        var client = site.CreateClient();
        using var broad = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=" + Broad, UriKind.Relative)));
        var name = broad.RootElement.GetProperty("hits")[0].GetProperty("subject").GetProperty("name").GetString()!;

        // The two characters after the place name (常州恒达… → 恒达): a trade name few of the 400 entries share.
        var part = name.Substring(2, 2);
        using var answer = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(part), UriKind.Relative)));

        Assert.False(answer.RootElement.GetProperty("countedFromSample").GetBoolean());
        Assert.False(answer.RootElement.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.InRange(answer.RootElement.GetProperty("total").GetInt64(), 1, 100);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("很多")]
    public void TheSiteRefusesToStartWithABoundOutsideItsRange(string value)
    {
        using var bad = new BadBoundSite(value);

        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());

        Assert.Contains("SampleAbove", error.ToString(), StringComparison.Ordinal);
    }

    public sealed class Site : SearchSiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:Embedded:SampleAbove", "100");
        }
    }

    private sealed class BadBoundSite(string value) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:Embedded:SampleAbove", value);
        }
    }

    [GeneratedRegex("共找到 <strong>[0-9,]+\\+</strong> 项结果")]
    private static partial Regex LowerBoundTotal();

    [GeneratedRegex("<span class=\"muted\">\\([0-9]+\\+\\)</span>")]
    private static partial Regex LowerBoundFacet();

    [GeneratedRegex("<span class=\"muted\">\\([0-9]+\\)</span>")]
    private static partial Regex ExactFacet();
}
