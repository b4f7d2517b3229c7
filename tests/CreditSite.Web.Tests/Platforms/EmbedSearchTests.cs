using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>/embed/search</c>: the compact query window for an iframe.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class EmbedSearchTests(SeededPlatformSite site)
{
    [Fact]
    public async Task EmptyWindowShowsOnlyTheQueryForm()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed/search");

        Assert.Contains("action=\"/embed/search\"", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_self\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("main-nav", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsACompanyByPartOfItsNameAndOpensResultsOnTheMainSite()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed/search?q=" + Uri.EscapeDataString("失信建材"));

        Assert.Contains($"href=\"/subjects/{SeededPlatformSite.BlackCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("<base target=\"_blank\" />", html, StringComparison.Ordinal);
        Assert.Contains("在信用常州查看全部结果", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchingByCodeShowsThatSubjectsEntries()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed/search?q=" + SeededPlatformSite.TaxBlackCode);

        Assert.Contains(SeededPlatformSite.TaxBlackName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(SeededPlatformSite.BlackName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenCodeGetsTheCheckMessageInsideTheWindow()
    {
        var code = SeededPlatformSite.RedCode;
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');

        using var response = await site.CreateClient().GetAsync(new Uri("/embed/search?q=" + wrong, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"第18位应为“{code[17]}”", await response.Content.ReadHtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoResultShowsAHint()
    {
        var html = await site.CreateClient().GetHtmlAsync("/embed/search?q=" + "zzqqxxwwvv");

        Assert.Contains("没有找到公示中的信息", html, StringComparison.Ordinal);
    }
}
