using System.Net;
using CreditSite.Web.Tests.Infrastructure;
using static CreditSite.Web.Tests.Records.RecordSamples;

namespace CreditSite.Web.Tests.Records;

/// <summary>A record's own page: every public field under its Chinese name, 公示期限, 数据来源, status, and for a penalty
/// the earliest day credit repair may be applied for; a record not in public view today is the site's 404 page with a
/// Chinese reason, never a 500.</summary>
[Collection(RecordsSiteShared.Name)]
public sealed class RecordPageTests(RecordsSite site)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var (status, html) = await (await site.ClientAsync()).GetPageAsync(path);
        return (status, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task APenaltyShowsEveryPublicFieldWithItsChineseLabel()
    {
        var (status, html) = await GetAsync($"/records/penalty/{FinedPenalty}");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var (label, value) in new[]
        {
            ("行政相对人名称", CompanyName),
            ("行政相对人类别", "法人"),
            ("统一社会信用代码", CompanyCode),
            ("法定代表人", "周建国"),
            ("行政处罚决定书文号", "常新市监罚〔2025〕15号"),
            ("违法行为类型", "生产不符合标准的产品"),
            ("违法事实", "2024年11月生产的一批建筑用砂浆抗压强度不符合国家标准。"),
            ("处罚依据", "《中华人民共和国产品质量法》第四十九条"),
            ("处罚类别", "罚款、没收违法所得"),
            ("罚款金额（万元）", "2.5"),
            ("没收违法所得、没收非法财物的金额（万元）", "0.36"),
            ("处罚决定日期", "2025年2月10日"),
            ("失信程度", "一般"),
            ("处罚机关", "市市场监督管理局"),
            ("处罚机关统一社会信用代码", "11320400014157498U"),
            ("领域", "产品质量"),
            ("公示期限", "2025年2月10日至2026年2月10日（期满后自动停止公示）"),
            ("数据来源", "常州市新北区市场监督管理局"),
            ("状态", "公示中"),
        })
        {
            Assert.Contains($"<dt>{label}</dt><dd>{value}</dd>", html, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"/subjects/{CompanyCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/records/penalty\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APenaltyPastItsMinimumPeriodSaysRepairMayBeAppliedForNow()
    {
        var (_, html) = await GetAsync($"/records/penalty/{FinedPenalty}");

        // General: at least 3 months from 2025-02-10; the site's day is 2025-06-01.
        Assert.Contains("可申请信用修复的最早日期：<strong><time datetime=\"2025-05-10\">2025年5月10日</time></strong>", html, StringComparison.Ordinal);
        Assert.Contains("本记录自2025年5月10日起即可申请信用修复", html, StringComparison.Ordinal);
        Assert.Contains("谁认定、谁修复", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeriousPenaltyGivesTheDayAYearAfterTheDecisionAndSaysNotBefore()
    {
        var (_, html) = await GetAsync($"/records/penalty/{SeriousPenalty}");

        Assert.Contains("<time datetime=\"2026-04-20\">2026年4月20日</time>", html, StringComparison.Ordinal);
        Assert.Contains("严重失信的行政处罚信息最短公示1年", html, StringComparison.Ordinal);
        Assert.Contains("在此之前不能申请", html, StringComparison.Ordinal);
        Assert.Contains("公示至2028年4月20日期满后自动停止", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonsPenaltyShowsTheMaskedIdNumberAndLinksToTheirOpaqueKey()
    {
        var (status, html) = await GetAsync($"/records/penalty/{PersonPenalty}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<dt>证件号码（居民身份证）</dt><dd>{PersonMasked}</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>行政相对人类别</dt><dd>自然人</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonIdNumber, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("法定代表人", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/subjects/[0-9a-f]{20}\"", html);
    }

    [Fact]
    public async Task ALicenceShowsItsValidityAsItsPublicationPeriodAndNoRepairDate()
    {
        var (status, html) = await GetAsync($"/records/licence/{NewestLicence}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dt>行政许可决定文书名称</dt><dd>排污许可决定书</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>行政许可决定文书号</dt><dd>常新审批许〔2025〕12号</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>许可类别</dt><dd>普通</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>许可证书名称</dt><dd>排污许可证</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>有效期至</dt><dd>2030年3月24日</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>公示期限</dt><dd>许可有效期内公示：2025年3月24日至2030年3月24日</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>数据来源</dt><dd>常州市新北区行政审批局</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>状态</dt><dd>有效</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("信用修复", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedLicenceStaysInViewShowingItsStatus()
    {
        var (status, html) = await GetAsync($"/records/licence/{RevokedLicence}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dt>状态</dt><dd>已撤销</dd>", html, StringComparison.Ordinal);
        Assert.Contains("该行政许可已撤销，继续公示并标明状态。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommitmentShowsItsTypeContentAndPeriod()
    {
        var (status, html) = await GetAsync($"/records/commitment/{Commitment}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dt>承诺类型</dt><dd>证明事项告知承诺</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>承诺内容</dt><dd>承诺申请材料真实有效，如有不实愿承担相应法律责任。</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>承诺受理单位</dt><dd>常州市新北区行政审批局</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>公示期限</dt><dd>2025年5月12日至2028年5月12日（期满后自动停止公示）</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>状态</dt><dd>履约中</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/records/penalty/" + RepairedPenalty, "该行政处罚信息不在公示中")]
    [InlineData("/records/penalty/" + ExpiredPenalty, "该行政处罚信息不在公示中")]
    [InlineData("/records/penalty/" + UnpublishedPenalty, "该行政处罚信息不在公示中")]
    [InlineData("/records/penalty/CZ-CF-9999-0000", "该行政处罚信息不在公示中")]
    [InlineData("/records/licence/" + ExpiredLicence, "该行政许可信息不在公示中")]
    [InlineData("/records/commitment/" + WithdrawnCommitment, "该信用承诺信息不在公示中")]
    [InlineData("/records/licence/" + FinedPenalty, "该行政许可信息不在公示中")]
    [InlineData("/records/fine/" + FinedPenalty, "没有这类信息")]
    [InlineData("/records/penalty/%E2%80%AE%01x", "该行政处罚信息不在公示中")]
    public async Task ARecordNotInPublicViewIsTheSites404PageWithAChineseReason(string path, string heading)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error-status\" aria-hidden=\"true\">404</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("生产不符合标准的产品", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPageStillGetsTheGeneric404Text()
    {
        var (status, html) = await GetAsync("/records/penalty/a/b");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>页面不存在</h1>", html, StringComparison.Ordinal);
    }
}

/// <summary>Records leave public view by themselves on their day, without a re-import. Its own site: these tests move
/// the clock forward, which cannot be undone.</summary>
public sealed class RecordExpiryTests(RecordsSite site) : IClassFixture<RecordsSite>
{
    [Fact]
    public async Task APenaltyLeavesItsPageAndTheSubjectPageTheDayAfterItsLastDay()
    {
        var client = await site.ClientAsync();

        site.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 23, 30, 0, TimeSpan.FromHours(8)));
        var (lastDay, _) = await client.GetPageAsync($"/records/penalty/{LastDayPenalty}");
        var (_, subjectBefore) = await client.GetPageAsync($"/subjects/{CompanyCode}");
        site.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 2, 0, 30, 0, TimeSpan.FromHours(8)));
        var (after, _) = await client.GetPageAsync($"/records/penalty/{LastDayPenalty}");
        var (subjectStatus, subjectAfter) = await client.GetPageAsync($"/subjects/{CompanyCode}");

        Assert.Equal(HttpStatusCode.OK, lastDay);
        Assert.Contains($"/records/penalty/{LastDayPenalty}", subjectBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after);
        Assert.Equal(HttpStatusCode.OK, subjectStatus);
        Assert.DoesNotContain($"/records/penalty/{LastDayPenalty}", subjectAfter, StringComparison.Ordinal);
    }
}
