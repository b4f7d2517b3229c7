using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Home;

public sealed class HomePageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ShowsSearchBoxThatLandsOnTheQueryPage()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<form method=\"get\" action=\"/search\"", html, StringComparison.Ordinal);
        Assert.Contains("信用常州", html, StringComparison.Ordinal);
    }
}
