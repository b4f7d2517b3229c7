using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CreditSite.Web.Tests.Records.RecordSamples;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The embed window, the badge and the status API read the one-stop query's subject rows (issue 13): one row
/// and one status per subject, and a company the site knows only by its registry record or its records is known
/// (<c>clean</c>, with a link to its page), as the query page and the subject API say.</summary>
[Collection(Records.RecordsSiteShared.Name)]
public sealed class SubjectRowStatusTests(Records.RecordsSite site)
{
    [Fact]
    public async Task TheStatusApiAnswersEachSubjectFromItsRow()
    {
        var client = await site.ClientAsync();
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/status", UriKind.Relative),
            new { codes = new[] { CompanyCode, Records.RecordsSite.CarrierCode, ChemicalCode, RegistryOnlyCode, RecordsSite.Code("MA1U0099") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        AssertStatus(results[0], CompanyCode, "red", 1, 0);
        AssertStatus(results[1], Records.RecordsSite.CarrierCode, "black", 0, 2);
        AssertStatus(results[2], ChemicalCode, "clean", 0, 0);
        AssertStatus(results[3], RegistryOnlyCode, "clean", 0, 0);
        Assert.Equal("unknown", results[4].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheBadgeOfACompanyKnownByItsRegistryRecordLinksToItsPage()
    {
        var client = await site.ClientAsync();
        var html = await client.GetHtmlAsync($"/embed/badge/{RegistryOnlyCode}");
        var svg = await client.GetHtmlAsync($"/embed/badge/{Records.RecordsSite.CarrierCode}.svg");

        Assert.Contains($"href=\"/subjects/{RegistryOnlyCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-standing=\"clean\">无失信记录", html, StringComparison.Ordinal);
        Assert.Contains("有失信记录 2 条", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmbedWindowShowsACompanyOnceWithItsCounts()
    {
        var html = await (await site.ClientAsync()).GetHtmlAsync("/embed/search?q=" + Uri.EscapeDataString("恒达新材料"));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, $"href=\"/subjects/{CompanyCode}\""));
        Assert.Contains($"列入名单 1 · 行政许可 {CompanyLicencesInView} · 行政处罚 3 · 信用承诺 {CompanyCommitmentsInView}", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-red\">红名单</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/records/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmbedWindowSaysWhenAFormerNameFoundTheCompany()
    {
        var html = await (await site.ClientAsync()).GetHtmlAsync("/embed/search?q=" + Uri.EscapeDataString(FormerName));

        Assert.Contains($"href=\"/subjects/{CompanyCode}\"", html, StringComparison.Ordinal);
        Assert.Contains($"（曾用名：{FormerName}）", html, StringComparison.Ordinal);
    }

    private static void AssertStatus(JsonElement result, string code, string status, int red, int black)
    {
        Assert.Equal(code, result.GetProperty("code").GetString());
        Assert.Equal(status, result.GetProperty("status").GetString());
        Assert.Equal(red, result.GetProperty("redCount").GetInt32());
        Assert.Equal(black, result.GetProperty("blackCount").GetInt32());
        Assert.EndsWith($"/subjects/{code}", result.GetProperty("subjectUrl").GetString(), StringComparison.Ordinal);
    }
}
