using System.Net;
using System.Text.Json;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Search;

/// <summary>The one-stop query, subject pages, list pages and the JSON API over the documented example entries.</summary>
public sealed class SearchPagesTests(ExampleEntriesSiteFactory site) : IClassFixture<ExampleEntriesSiteFactory>
{
    private const string Company = "常州天宁恒达食品有限公司";
    private const string CompanyCode = "91320402MA1MRH4B88";

    private async Task<HttpClient> ClientAsync()
    {
        await site.SeedAsync();
        return site.CreateClient();
    }

    [Theory]
    [InlineData("恒达")]
    [InlineData("恒达食品")]
    [InlineData("天宁")]
    [InlineData(CompanyCode)]
    [InlineData("91320402ma1mrh4b88")]
    public async Task FindsTheCompanyByPartOfItsNameOrByItsCode(string query)
    {
        var html = await (await ClientAsync()).GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        Assert.Contains($"/subjects/{CompanyCode}", html, StringComparison.Ordinal);
        Assert.Contains("黑名单", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HighlightsTheMatchedWords()
    {
        var html = await (await ClientAsync()).GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("恒达"), UriKind.Relative));

        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneQueryReturnsEveryTypeWithTypeLabels()
    {
        var json = await (await ClientAsync()).GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("诚信"), UriKind.Relative));
        using var doc = JsonDocument.Parse(json);

        var types = doc.RootElement.GetProperty("facets").GetProperty("type").EnumerateArray().Select(f => f.GetProperty("value").GetString()).ToList();
        Assert.Contains("list_entry", types);
        Assert.Contains("policy", types);
        Assert.Contains("role_model", types);
    }

    [Fact]
    public async Task ACodeWithAWrongCheckCharacterGetsTheCheckMessage()
    {
        var client = await ClientAsync();
        var html = await client.GetStringAsync(new Uri("/search?q=91320402MA1MRH4B89", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/v1/search?q=91320402MA1MRH4B89", UriKind.Relative));

        Assert.Contains("第18位应为“8”", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("GB 32100", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyResultsShowHints()
    {
        var html = await (await ClientAsync()).GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("查无此公司名称"), UriKind.Relative));

        Assert.Contains("没有找到符合条件的公示信息", html, StringComparison.Ordinal);
        Assert.DoesNotContain("只按关键词查询", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("914403001922038216", "该统一社会信用代码目前没有公示中的信用记录", "/subjects/914403001922038216")]
    [InlineData("11010519491231002X", "该身份证号码目前没有公示中的信用记录", null)]
    public async Task AnIdentifierWithoutRecordsSaysSoInsteadOfGivingNameSearchAdvice(string identifier, string heading, string? subjectLink)
    {
        var html = await (await ClientAsync()).GetStringAsync(new Uri("/search?q=" + identifier, UriKind.Relative));

        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("没有公示记录不等于出具了信用证明", html, StringComparison.Ordinal);
        Assert.DoesNotContain("尝试名称中的一部分", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/search?q=\"", html, StringComparison.Ordinal);
        if (subjectLink is not null)
        {
            Assert.Contains($"href=\"{subjectLink}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SubjectPageGroupsEntriesAndMarksAnObjection()
    {
        var client = await ClientAsync();
        var company = await client.GetStringAsync(new Uri($"/subjects/{CompanyCode}", UriKind.Relative));
        var objected = await client.GetStringAsync(new Uri("/subjects/91320411MA1Q8N2CX8", UriKind.Relative));

        Assert.Contains($"<h1>{Company}</h1>", company, StringComparison.Ordinal);
        Assert.Contains("严重失信主体名单", company, StringComparison.Ordinal);
        Assert.Contains("常市监罚〔2025〕123号", company, StringComparison.Ordinal);
        Assert.Contains("异议处理中", objected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectPageSummaryIsTheDecisionSummaryAlone()
    {
        var company = await (await ClientAsync()).GetStringAsync(new Uri($"/subjects/{CompanyCode}", UriKind.Relative));

        Assert.Contains("<dt>摘要</dt><dd>经营超过保质期的食品，被处以罚款并没收违法所得。</dd>", company, StringComparison.Ordinal);
        // The decision number and the legal basis have their own lines; the summary line does not repeat them.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(company, "常市监罚〔2025〕123号"));
    }

    [Theory]
    [InlineData("/subjects/91320402MA1MRH4B89", HttpStatusCode.BadRequest)]
    [InlineData("/subjects/914403001922038216", HttpStatusCode.NotFound)]
    [InlineData("/subjects/zzzz", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/subjects/91320402MA1MRH4B89", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/subjects/914403001922038216", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/subjects/" + CompanyCode, HttpStatusCode.OK)]
    [InlineData("/lists/purple", HttpStatusCode.NotFound)]
    [InlineData("/lists/black?from=2025-99-01", HttpStatusCode.BadRequest)]
    public async Task SubjectsAndListsAnswerBadInputWith400Or404(string path, HttpStatusCode expected)
    {
        using var response = await (await ClientAsync()).GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task APagePastTheEndOfAListGoesToItsLastPageInsteadOfAnEmptyOne()
    {
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await ClientAsync();

        var response = await client.GetAsync(new Uri("/lists/black?page=102", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/lists/black?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("page=1", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValidCodeWithoutRecordsSaysSoPlainlyInsteadOfAGeneric404()
    {
        var response = await (await ClientAsync()).GetAsync(new Uri("/subjects/914403001922038216", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未查到公示信息", html, StringComparison.Ordinal);
        Assert.Contains("不等于", html, StringComparison.Ordinal);
        Assert.DoesNotContain("错误编号", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlackListFiltersByField()
    {
        var client = await ClientAsync();
        var all = await client.GetStringAsync(new Uri("/lists/black", UriKind.Relative));
        var food = await client.GetStringAsync(new Uri("/lists/black?field=" + Uri.EscapeDataString("食品药品"), UriKind.Relative));

        Assert.Contains("常州新北汇通商贸有限公司", all, StringComparison.Ordinal);
        Assert.Contains(Company, food, StringComparison.Ordinal);
        Assert.DoesNotContain("常州新北汇通商贸有限公司", food, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitedEntriesAreNotPublished()
    {
        var html = await (await ClientAsync()).GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("李记面馆"), UriKind.Relative));

        Assert.DoesNotContain("/subjects/92320404MA1X3L6P5G", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheSearchApi()
    {
        var json = await (await ClientAsync()).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var doc = JsonDocument.Parse(json);

        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/search", out _));
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/subjects/{uscc}", out _));
    }
}

/// <summary>An entry leaves public view the day after its public_until, without a re-import.</summary>
public sealed class PublicationExpiryTests
{
    [Fact]
    public async Task EntryDisappearsFromPagesAndApiWhenItsPublicationEnds()
    {
        // Its own site and so its own clock, which this test moves.
        await using var site = new MovingClockSiteFactory();
        await site.SeedAsync();
        var client = site.CreateClient();
        using var before = await client.GetAsync(new Uri("/api/v1/subjects/91320402MA1MRH4B88", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // public_until is 2026-03-01: still public that day, gone the next (China Standard Time).
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.FromHours(8)));
        using var lastDay = await client.GetAsync(new Uri("/api/v1/subjects/91320402MA1MRH4B88", UriKind.Relative));
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.FromHours(8)));
        using var after = await client.GetAsync(new Uri("/api/v1/subjects/91320402MA1MRH4B88", UriKind.Relative));
        var search = await client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("恒达"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, lastDay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.DoesNotContain("/subjects/91320402MA1MRH4B88", search, StringComparison.Ordinal);
    }
}
