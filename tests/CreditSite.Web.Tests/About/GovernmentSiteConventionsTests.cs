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
    [InlineData("/policies", "政策法规")]
    [InlineData("/role-models", "诚信典型")]
    [InlineData("/announcements", "公示公告")]
    [InlineData("/lists/red", "红名单")]
    [InlineData("/lists/black", "黑名单")]
    [InlineData("/key-groups", "重点人群")]
    public async Task ListPagesNameTheirColumn(string path, string column)
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative)));

        Assert.Contains($"<meta name=\"ColumnName\" content=\"{column}\"", html, StringComparison.Ordinal);
        Assert.Matches("<meta name=\"ColumnType\" content=\"[^\"]+\"", html);
        Assert.Matches("<meta name=\"ColumnDescription\" content=\"[^\"]{6,}\"", html);
        Assert.DoesNotContain("ArticleTitle", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/policies/attachment-1-government-integrity", "政策法规", "《市政府关于加强政务诚信建设的实施意见》任务分工", "2019-04-16 00:00", "常州市社会信用体系建设领导小组办公室")]
    [InlineData("/role-models/changzhou-heyue-textile", "诚信典型", null, "2024-04-28 00:00", "市人社局")]
    public async Task ArticlesCarryTitleDateAndSource(string path, string column, string? title, string pubDate, string source)
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative)));

        Assert.Contains($"<meta name=\"ColumnName\" content=\"{column}\"", html, StringComparison.Ordinal);
        Assert.Matches("<meta name=\"ArticleTitle\" content=\"" + System.Text.RegularExpressions.Regex.Escape(title ?? "") + "[^\"]*\"", html);
        Assert.Contains($"<meta name=\"PubDate\" content=\"{pubDate}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"ContentSource\" content=\"{source}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?q=%E6%81%92%E8%BE%BE", true)]
    [InlineData("/lists/black", true)]
    [InlineData("/subjects/914403001922038216", true)]
    [InlineData("/policies", false)]
    [InlineData("/", false)]
    public async Task PagesOfRecordsThatExpireAskNotToBeIndexed(string path, bool noindex)
    {
        // A code without records answers 404 with its own page; that page is read all the same.
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(noindex, html.Contains("<meta name=\"robots\" content=\"noindex\" />", StringComparison.Ordinal));
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
