using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>A company on both lists at once (a red-list honour and two black-list entries, one under objection): its
/// one-stop query row shows both lists and the objection, and the status API, which reads that row, still counts the
/// entries of each list apart.</summary>
public sealed class BothListsStatusTests(BothListsStatusTests.Site site) : IClassFixture<BothListsStatusTests.Site>
{
    public static readonly string CompanyCode = RecordsSite.Code("MA1W0001");
    public const string CompanyName = "常州市武进区红黑并列贸易有限公司";

    public sealed class Site : RecordsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var today = Today;
            _ = CreateClient();
            await ImportListEntriesAsync(
                Row("RL-W-1", "red", "诚信典型", today.AddDays(-90), today.AddYears(2), "", "active"),
                Row("BL-W-1", "black", "税务", today.AddDays(-30), today.AddYears(1), "serious", "active"),
                Row("BL-W-2", "black", "价格", today.AddDays(-10), today.AddMonths(6), "general", "under_objection"));
            await WaitForSubjectAsync(CompanyCode, "RL-W-1", "BL-W-1", "BL-W-2");
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        private static string Row(string id, string kind, string field, DateOnly decided, DateOnly until, string severity, string status) =>
            string.Join(',', id, kind, "legal_person", CompanyName, CompanyCode, "", field, "市市场监督管理局",
                $"常市监〔{decided.Year}〕{id}号", Iso(decided), Iso(until), severity, "《江苏省社会信用条例》", $"{field}领域的认定。", status);

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheStatusApiCountsEachListApartForASubjectOnBoth()
    {
        using var response = await site.CreateClient().PostAsJsonAsync(new Uri("/api/v1/status", UriKind.Relative), new { codes = new[] { CompanyCode } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal("black", result.GetProperty("status").GetString());
        Assert.Equal(1, result.GetProperty("redCount").GetInt32());
        Assert.Equal(2, result.GetProperty("blackCount").GetInt32());
    }

    [Fact]
    public async Task TheRowShowsBothListsTheObjectionAndLinksTheEntriesToTheSubjectsStanding()
    {
        var html = await site.CreateClient().GetHtmlAsync("/search?q=" + Uri.EscapeDataString("红黑并列"));

        Assert.Contains("<span class=\"tag tag-black\">黑名单</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-red\">红名单</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag\">异议处理中</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}#basic\">列入名单 <strong>3</strong></a>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("黑名单</span>", StringComparison.Ordinal) < html.IndexOf("红名单</span>", StringComparison.Ordinal), "黑名单 comes first");
    }
}
