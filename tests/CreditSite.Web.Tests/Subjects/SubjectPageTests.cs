using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Identifiers;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using Microsoft.Extensions.DependencyInjection;
using static CreditSite.Web.Tests.Records.RecordSamples;

namespace CreditSite.Web.Tests.Subjects;

/// <summary>A subject page in the national shape: 基础信息 (with 曾用名), 行政许可, 行政处罚, 守信激励, 严重失信主体名单,
/// 信用承诺, 其他 — each with its count of what is in public view today, newest first, paged on its own through the query
/// string, with an empty state of its own.</summary>
[Collection(RecordsSiteShared.Name)]
public sealed partial class SubjectPageTests(RecordsSite site)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var (status, html) = await (await site.ClientAsync()).GetPageAsync(path);
        return (status, WebUtility.HtmlDecode(html));
    }

    /// <summary>The HTML of one section, from its heading to the next section.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<h2 id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public async Task TheSectionsComeInTheNationalOrderEachWithItsCountOfRecordsInView()
    {
        var (status, html) = await GetAsync($"/subjects/{CompanyCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        var headings = SectionHeading().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(
            [
                ("行政许可", "13"), ("行政处罚", "3"), ("守信激励", "1"), ("严重失信主体名单", "0"), ("信用承诺", "12"), ("其他", "0"),
            ],
            headings);
        Assert.True(html.IndexOf("<h2 id=\"basic\">基础信息</h2>", StringComparison.Ordinal) < html.IndexOf("<h2 id=\"licences\">", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BasicInformationShowsTheRegistryRecordWithItsFormerName()
    {
        var (_, html) = await GetAsync($"/subjects/{CompanyCode}");
        var basic = html[html.IndexOf("<h2 id=\"basic\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"licences\">", StringComparison.Ordinal)];

        Assert.Contains($"<h1>{CompanyName}</h1>", html, StringComparison.Ordinal);
        foreach (var (label, value) in new[]
        {
            ("名称", CompanyName), ("曾用名", FormerName), ("统一社会信用代码", CompanyCode), ("市场主体类型", "有限责任公司（自然人投资或控股）"),
            ("法定代表人", "周建国"), ("成立日期", "2015-03-20"), ("登记机关", "常州市新北区市场监督管理局"), ("住所", "常州市新北区太湖东路9号"), ("登记状态", "存续"),
        })
        {
            Assert.Contains($"<dt>{label}</dt><dd>{value}</dd>", basic, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordsOutOfViewAreNotShownAnywhereOnThePage()
    {
        var (_, html) = await GetAsync($"/subjects/{CompanyCode}");

        foreach (var id in new[] { RepairedPenalty, ExpiredPenalty, UnpublishedPenalty, ExpiredLicence, WithdrawnCommitment })
        {
            Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        }

        Assert.Contains($"/records/penalty/{FinedPenalty}", Section(html, "penalties"), StringComparison.Ordinal);
        Assert.Contains($"/records/commitment/{Commitment}", Section(html, "commitments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachSectionListsNewestFirstAndPagesOnItsOwn()
    {
        var (_, first) = await GetAsync($"/subjects/{CompanyCode}?penalty_page=1");
        var (status, second) = await GetAsync($"/subjects/{CompanyCode}?licence_page=2");

        var firstPage = LicenceLink().Matches(Section(first, "licences")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(LicenceId), firstPage);
        Assert.Contains("第 1 / 2 页，共 13 条", Section(first, "licences"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/subjects/{CompanyCode}?licence_page=2#licences\"", first, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, status);
        var secondPage = LicenceLink().Matches(Section(second, "licences")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([LicenceId(2), LicenceId(1), RevokedLicence], secondPage);
        // The other sections stay on their first page, and the way back keeps nothing else.
        Assert.Contains($"/records/penalty/{SeriousPenalty}", Section(second, "penalties"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/subjects/{CompanyCode}#licences\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagingOneSectionKeepsThePageOfAnother()
    {
        var (_, html) = await GetAsync($"/subjects/{CompanyCode}?licence_page=2&commitment_page=2");

        Assert.Contains("第 2 / 2 页，共 13 条", Section(html, "licences"), StringComparison.Ordinal);
        Assert.Contains("第 2 / 2 页，共 12 条", Section(html, "commitments"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/subjects/{CompanyCode}?commitment_page=2#licences\"", Section(html, "licences"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/subjects/{CompanyCode}?licence_page=2#commitments\"", Section(html, "commitments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APagePastTheEndOfASectionShowsItsLastPage()
    {
        var (status, html) = await GetAsync($"/subjects/{CompanyCode}?licence_page=9");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/records/licence/{RevokedLicence}", Section(html, "licences"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("licence_page=abc", "参数 licence_page 应为 1 到 500 之间的整数。")]
    [InlineData("penalty_page=0", "参数 penalty_page 应为 1 到 500 之间的整数。")]
    [InlineData("other_page=-1", "参数 other_page 应为 1 到 500 之间的整数。")]
    [InlineData("black_page=501", "参数 black_page 应为 1 到 500 之间的整数。")]
    public async Task ABadPageNumberIsA400WithAChineseMessage(string query, string message)
    {
        var (status, html) = await GetAsync($"/subjects/{CompanyCode}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/subjects/{CompanyCode}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptySectionsSaySoEachInItsOwnWords()
    {
        var (_, html) = await GetAsync($"/subjects/{CompanyCode}");

        Assert.Contains("暂无公示中的严重失信信息。", Section(html, "black-list"), StringComparison.Ordinal);
        Assert.Contains("暂无其他公示信息。", Section(html, "other"), StringComparison.Ordinal);
        Assert.Contains("纳税信用A级。", Section(html, "rewards"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeriousBlackListEntryIsOnTheBlackListAndAGeneralOneUnderOther()
    {
        var (status, html) = await GetAsync($"/subjects/{RecordsSite.CarrierCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("常交执罚〔2025〕9号", Section(html, "black-list"), StringComparison.Ordinal);
        Assert.Contains("常交执罚〔2025〕17号", Section(html, "other"), StringComparison.Ordinal);
        Assert.Contains("有失信记录 2 条", html, StringComparison.Ordinal);
        Assert.Contains("本站暂无该主体的登记信息", html, StringComparison.Ordinal);
        Assert.Contains("暂无公示中的行政许可信息。", Section(html, "licences"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubjectWithOnlyARegistryRecordHasAPage()
    {
        var (status, html) = await GetAsync($"/subjects/{RegistryOnlyCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{RegistryOnlyName}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>登记机关</dt><dd>常州市金坛区市场监督管理局</dd>", html, StringComparison.Ordinal);
        Assert.Equal(6, EmptySection().Count(html));
    }

    [Fact]
    public async Task APersonsPageShowsTheirPenaltyUnderTheMaskedNumberOnly()
    {
        var key = PersonKeys(site.Services.GetRequiredService<ResidentIdHasher>(), PersonIdNumber).SubjectKey;

        var (status, html) = await GetAsync($"/subjects/{key}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{PersonName}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>身份证号码</dt><dd>{PersonMasked}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"/records/penalty/{PersonPenalty}", Section(html, "penalties"), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonIdNumber, html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<h2 id=\"[a-z-]+\">([^<]+) <span class=\"muted count-label\">（(\\d+) 条）</span></h2>")]
    private static partial Regex SectionHeading();

    [GeneratedRegex("href=\"/records/licence/([^\"]+)\"")]
    private static partial Regex LicenceLink();

    [GeneratedRegex("<p class=\"empty\">")]
    private static partial Regex EmptySection();
}
