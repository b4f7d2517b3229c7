using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using static CreditSite.Web.Tests.Records.RecordSamples;

namespace CreditSite.Web.Tests.Search;

/// <summary>The one-stop query over the new kinds: the type facet names them in Chinese, a record hit says what it is
/// and links to its page, a former name finds the subject and says so, an identifier finds every kind of its subject.</summary>
[Collection(RecordsSiteShared.Name)]
public sealed partial class RecordSearchTests(RecordsSite site)
{
    private async Task<string> SearchAsync(string query)
    {
        var client = await site.ClientAsync();
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/search?" + query, UriKind.Relative)));
    }

    private static string Facets(string html)
    {
        var start = html.IndexOf("<aside class=\"facets\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</aside>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task TheTypeFacetNamesTheNewKindsInChinese()
    {
        var html = await SearchAsync("q=" + SiteClient.Query("恒达"));
        var facets = Facets(html);

        foreach (var (code, label) in new[] { ("licence", "行政许可"), ("penalty", "行政处罚"), ("commitment", "信用承诺"), ("subject", "基础信息") })
        {
            Assert.Matches($"<a href=\"/search\\?q=[^\"]*type={code}\">{label}</a> <span class=\"muted\">\\(\\d+\\)</span>", facets);
        }
    }

    [Fact]
    public async Task ChoosingAKindInTheFacetKeepsOnlySubjectsWithThatKindAndSaysWhatMatched()
    {
        var html = await SearchAsync("q=" + SiteClient.Query("恒达") + "&type=penalty");

        // Each row is a subject; what matched in it (before the snippet) is a penalty.
        var matched = MatchedKind().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["行政处罚"], matched);
        Assert.Contains("× 不限（当前：行政处罚）", Facets(html), StringComparison.Ordinal);
        Assert.Contains("个主体", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACompanyFoundByAPenaltyLinksToThePenaltiesOnItsPage()
    {
        var html = await SearchAsync("q=" + SiteClient.Query("恒达新材料") + "&type=penalty");

        Assert.Contains($"<a href=\"/subjects/{CompanyCode}#penalties\">行政处罚 <strong>3</strong></a>", html, StringComparison.Ordinal);
        Assert.Contains($"统一社会信用代码：{CompanyCode}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormerNameFindsTheSubjectAndTheHitSaysItMatchedTheFormerName()
    {
        var html = await SearchAsync("q=" + SiteClient.Query(FormerName));

        Assert.Contains($"href=\"/subjects/{CompanyCode}\"", html, StringComparison.Ordinal);
        Assert.Contains($"曾用名：<mark>{FormerName}</mark>（按曾用名找到，现名称为“{CompanyName}”）", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("恒达新材料")]
    [InlineData(CompanyName)]
    public async Task TheCurrentNameDoesNotClaimAFormerNameMatch(string query)
    {
        var html = await SearchAsync("q=" + SiteClient.Query(query));

        Assert.Contains($"href=\"/subjects/{CompanyCode}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("曾用名：", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsccFindsThatSubjectAsOneRowCountingEveryKindAndLinksItsPage()
    {
        var html = await SearchAsync("q=" + CompanyCode + "&page_size=100");

        Assert.Contains("共 <strong>1</strong> 个主体", html, StringComparison.Ordinal);
        // 13 licences, 3 penalties, 12 commitments and the red-list entry: nothing out of view is counted.
        Assert.Contains($"行政许可 <strong>{CompanyLicencesInView}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("行政处罚 <strong>3</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"信用承诺 <strong>{CompanyCommitmentsInView}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("列入名单 <strong>1</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}\">查看该主体的全部信用信息</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResidentIdNumberFindsThePersonWithoutRepeatingTheNumber()
    {
        var html = await SearchAsync("q=" + PersonIdNumber);

        Assert.Contains("共 <strong>1</strong> 个主体", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/subjects/[0-9a-f]{20}#penalties\">行政处罚 <strong>1</strong></a>", html);
        Assert.Contains($"身份证号码：{PersonMasked}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonIdNumber, html, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("<a href=\"/subjects/[0-9a-f]{20}\">查看该主体的全部信用信息</a>", html);
    }

    [Fact]
    public async Task RecordsOutOfViewAreNotFoundNorCounted()
    {
        var html = await SearchAsync("q=" + CompanyCode + "&type=penalty&page_size=100&group=none");

        foreach (var id in new[] { RepairedPenalty, ExpiredPenalty, UnpublishedPenalty })
        {
            Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        }

        Assert.Contains("共找到 <strong>3</strong> 条结果", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<p class=\"snippet\"><span class=\"tag\">([^<]+)</span>")]
    private static partial Regex MatchedKind();
}
