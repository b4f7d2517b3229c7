using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreditSite.Web.Tests.Records.RecordSamples;

namespace CreditSite.Web.Tests.Records;

/// <summary>双公示: browse licences, penalties and commitments with filters (department, category or penalty type from
/// the catalogue, decision date range, subject type), counts, paging, empty state, 数据更新时间 and record count.</summary>
[Collection(RecordsSiteShared.Name)]
public sealed partial class RecordListTests(RecordsSite site)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var (status, html) = await (await site.ClientAsync()).GetPageAsync(path);
        return (status, WebUtility.HtmlDecode(html));
    }

    private static List<string> PenaltiesListed(string html) => PenaltyLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

    [Fact]
    public async Task ThePenaltyListShowsEveryPenaltyInViewNewestFirst()
    {
        var (status, html) = await GetAsync("/records/penalty");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([ShopPenalty, SeriousPenalty, ChemicalPenalty, PersonPenalty, LastDayPenalty, FinedPenalty], PenaltiesListed(html));
        Assert.Contains($"符合条件的公示中记录共 <strong>{PenaltiesInView}</strong> 条", html, StringComparison.Ordinal);
        Assert.Contains($"本数据集共归集 <strong>{PenaltiesStored}</strong> 条，目前公示中 <strong>{PenaltiesInView}</strong> 条", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePenaltyListCountsEachPenaltyTypeAndLinksToItsFilter()
    {
        var (_, html) = await GetAsync("/records/penalty");

        foreach (var (type, count) in new[] { ("罚款", 3), ("警告", 2), ("没收违法所得", 1), ("责令停产停业", 1) })
        {
            Assert.Contains($"penalty_type={SiteClient.Query(type)}\">{type} ({count})</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AHitNamesItsKindNumberDateDepartmentAndStatusAndLinksToItsPage()
    {
        var (_, html) = await GetAsync("/records/penalty?department=" + SiteClient.Query("常州市公安局钟楼分局"));

        Assert.Contains("<span class=\"tag tag-black\">行政处罚</span>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/records/penalty/{PersonPenalty}\"", html, StringComparison.Ordinal);
        Assert.Contains("决定文号：常公（钟）行罚决字〔2025〕118号 · 处罚决定日期：2025-03-03 · 处罚机关：常州市公安局钟楼分局 · 处罚类别：罚款 · 状态：公示中", html, StringComparison.Ordinal);
        Assert.Contains($"身份证号码：{PersonMasked}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataUpdateTimeIsTheLastImportOfTheDataset()
    {
        var (last, _) = await site.Services.GetRequiredService<RecordStore>().DatasetAsync(RecordKind.Penalty);
        await site.ClientAsync();
        var (_, html) = await GetAsync("/records/penalty");

        Assert.NotNull(last);
        var shown = last!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"数据更新时间：<strong>{shown}</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("department=常州市应急管理局", new[] { ChemicalPenalty })]
    [InlineData("penalty_type=警告", new[] { ChemicalPenalty, LastDayPenalty })]
    [InlineData("subject_type=individual_business", new[] { ShopPenalty })]
    [InlineData("subject_type=natural_person", new[] { PersonPenalty })]
    [InlineData("from=2025-04-01&to=2025-04-30", new[] { SeriousPenalty, ChemicalPenalty })]
    [InlineData("q=恒达新材料&penalty_type=罚款", new[] { FinedPenalty })]
    [InlineData("penalty_type=罚款&from=2025-05-01", new[] { ShopPenalty })]
    public async Task FiltersNarrowThePenaltyListAndTheCountFollows(string query, string[] expected)
    {
        var encoded = string.Join('&', query.Split('&').Select(p => p.Split('=')).Select(kv => kv[0] + "=" + SiteClient.Query(kv[1])));

        var (status, html) = await GetAsync("/records/penalty?" + encoded);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, PenaltiesListed(html));
        Assert.Contains($"符合条件的公示中记录共 <strong>{expected.Length}</strong> 条", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFilterChoicesComeFromTheCatalogueAndTheDepartmentsInView()
    {
        var (_, html) = await GetAsync("/records/penalty");
        var catalogue = site.Services.GetRequiredService<CreditCatalogue>();

        foreach (var type in catalogue.PenaltyTypes)
        {
            Assert.Contains($"<option value=\"{type}\">{type}</option>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<option value=\"市市场监督管理局\">市市场监督管理局（3）</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"常州市应急管理局\">常州市应急管理局（1）</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"individual_business\">个体工商户</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLicenceListFiltersBy许可类别()
    {
        var (status, html) = await GetAsync("/records/licence?category=" + SiteClient.Query("特许"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/records/licence/{ChemicalLicence}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/records/licence/{NewestLicence}\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"特许\" selected=\"selected\">特许</option>", html, StringComparison.Ordinal);
        Assert.Contains("许可类别：特许", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllLicencesFitOnePageAndAPagePastItGoesToTheLastPage()
    {
        var (_, first) = await GetAsync("/records/licence");
        var (_, second) = await GetAsync("/records/licence?page=2");

        Assert.Contains("符合条件的公示中记录共 <strong>14</strong> 条", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains($"/records/licence/{RevokedLicence}", first, StringComparison.Ordinal);
        Assert.Contains($"/records/licence/{ChemicalLicence}", first, StringComparison.Ordinal);
        // A page past the end goes to the last page.
        Assert.Contains($"/records/licence/{NewestLicence}", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommitmentListShowsTypesAndPages()
    {
        var (_, html) = await GetAsync("/records/commitment?category=" + SiteClient.Query("行业自律型"));

        Assert.Contains("符合条件的公示中记录共 <strong>11</strong> 条", html, StringComparison.Ordinal);
        Assert.Contains("承诺类型：行业自律型", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WithdrawnCommitment, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMatchSaysSoAndOffersToClearTheFilters()
    {
        var (status, html) = await GetAsync("/records/penalty?from=2025-05-25&to=2025-05-31");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("没有符合条件的行政处罚信息", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/records/penalty\">查看全部</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/records/penalty?penalty_type=%E6%89%A3%E5%88%86", "处罚类别只能是以下之一：警告、通报批评")]
    [InlineData("/records/licence?category=%E7%89%B9%E5%88%AB", "许可类别只能是以下之一：普通、特许、认可、核准、登记、其他。")]
    [InlineData("/records/penalty?from=2025-13-01", "参数 from 应为日期，格式 yyyy-MM-dd。")]
    [InlineData("/records/penalty?from=2025-05-01&to=2025-04-01", "起始日期不能晚于截止日期。")]
    [InlineData("/records/penalty?subject_type=robot", "参数 subject_type 只能是")]
    [InlineData("/records/penalty?page=0", "参数 page 应为 1 到 500 之间的整数。")]
    [InlineData("/records/commitment?q=91320411MA7HD2C16Q", "第18位应为")]
    public async Task BadFiltersAreA400WithAChineseMessage(string path, string message)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/records/licence", "行政许可公示")]
    [InlineData("/records/penalty", "行政处罚公示")]
    [InlineData("/records/commitment", "信用承诺公示")]
    public async Task ListPagesNameTheirColumnAndAskNotToBeIndexed(string path, string column)
    {
        var (_, html) = await GetAsync(path);

        Assert.Contains($"<meta name=\"ColumnName\" content=\"{column}\" />", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ColumnType\" content=\"双公示\" />", html, StringComparison.Ordinal);
        Assert.Matches("<meta name=\"ColumnDescription\" content=\"[^\"]{6,}\" />", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOverviewGivesEachDatasetsUpdateTimeAndCounts()
    {
        var (status, html) = await GetAsync("/records");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<meta name=\"ColumnName\" content=\"双公示\" />", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>公示中</dt><dd>{PenaltiesInView} 条</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>共归集</dt><dd>{PenaltiesStored} 条</dd>", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/records/licence", "/records/penalty", "/records/commitment" })
        {
            Assert.Contains($"href=\"{path}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheNavigationTheSiteMapAndSitemapXmlCarryThe双公示Pages()
    {
        var client = await site.ClientAsync();
        var page = await client.GetStringAsync(new Uri("/records/penalty", UriKind.Relative));
        var siteMap = await client.GetStringAsync(new Uri("/site-map", UriKind.Relative));
        var sitemapXml = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("<a href=\"/records\" aria-current=\"page\">双公示</a>", page, StringComparison.Ordinal);
        foreach (var path in new[] { "/records", "/records/licence", "/records/penalty", "/records/commitment" })
        {
            Assert.Contains($"href=\"{path}\"", siteMap, StringComparison.Ordinal);
        }

        Assert.Contains("/records</loc>", sitemapXml, StringComparison.Ordinal);
        Assert.DoesNotContain("/records/penalty", sitemapXml, StringComparison.Ordinal);
        Assert.Contains("Disallow: /records/penalty", robots, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/records/penalty/([^\"]+)\"")]
    private static partial Regex PenaltyLink();
}
