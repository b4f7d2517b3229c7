using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.About;

/// <summary>What every Chinese government website is inspected for: the footer and metadata on every page, from
/// configuration (the Testing settings carry plainly fake placeholders), and the pages the footer links to.</summary>
[Collection(SharedSites.Plain)]
public sealed class GovernmentSiteConventionsTests(SiteFactory site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/policies")]
    [InlineData("/search?q=%E6%81%92%E8%BE%BE")]
    [InlineData("/lists/black")]
    [InlineData("/about/privacy")]
    [InlineData("/no-such-page")]
    public async Task EveryPageCarriesTheFooterAndTheSiteMetadata(string path)
    {
        var html = WebUtility.HtmlDecode(await (await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync());

        Assert.Contains("<meta name=\"SiteName\" content=\"信用常州\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"SiteIDCode\" content=\"演示000000\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"SiteDomain\"", html, StringComparison.Ordinal);
        Assert.Contains("主办单位：常州市社会信用体系建设领导小组办公室", html, StringComparison.Ordinal);
        Assert.Contains("网站标识码：演示000000", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">演示ICP备00000000号</a>", html, StringComparison.Ordinal);
        Assert.Contains("我为政府网站找错", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/site-map", "/about/statement", "/about/privacy", "/about/contact" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/about/privacy", "您的权利")]
    [InlineData("/about/statement", "网站声明")]
    [InlineData("/about/contact", "0519-00000000（演示）")]
    [InlineData("/site-map", "政策法规")]
    public async Task TheFooterPagesExist(string path, string expected)
    {
        var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
