using System.Globalization;
using System.Net;
using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Web.Tests.ApiDocs;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>What <c>GET /api/v1/records</c> accepts, and the Chinese 400 problem for everything else — above all a
/// cursor that was changed, cut short or made up.</summary>
public sealed class RecordChangesParameterTests(RecordsSite site) : IClassFixture<RecordsSite>
{
    private static readonly string Company = RecordsSite.Code("MA1P0001");

    [Theory]
    [InlineData("changed_since=2026-01-01", "缺少参数 kind")]
    [InlineData("kind=fine&changed_since=2026-01-01", "kind 的值“fine”无效")]
    [InlineData("kind=list_entry&changed_since=2026-01-01", "kind 的值“list_entry”无效")]
    [InlineData("kind=penalty", "缺少参数 changed_since")]
    [InlineData("kind=penalty&changed_since=yesterday", "不是有效的 ISO 8601 时间")]
    [InlineData("kind=penalty&changed_since=2026-02-30", "不是有效的 ISO 8601 时间")]
    [InlineData("kind=penalty&changed_since=2026-01-01T25:00:00Z", "不是有效的 ISO 8601 时间")]
    [InlineData("kind=penalty&changed_since=01/02/2026", "不是有效的 ISO 8601 时间")]
    [InlineData("kind=penalty&changed_since=2026-01-01T00:00:00%2B15:00", "不是有效的 ISO 8601 时间")]
    [InlineData("kind=penalty&changed_since=2026-01-01&page_size=0", "page_size 应为 1 到 500 之间的整数")]
    [InlineData("kind=penalty&changed_since=2026-01-01&page_size=501", "page_size 应为 1 到 500 之间的整数")]
    [InlineData("kind=penalty&changed_since=2026-01-01&page_size=ten", "page_size 应为 1 到 500 之间的整数")]
    [InlineData("kind=penalty&cursor=abc", "cursor 无效")]
    [InlineData("kind=penalty&cursor=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cursor 无效")]
    public async Task BadParametersAreRefusedWithAChineseProblem(string query, string reason)
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/api/v1/records?" + query, UriKind.Relative));

        await AssertProblemAsync(response, reason);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-01T00:00")]
    [InlineData("2026-01-01T00:00:00Z")]
    [InlineData("2026-01-01T08:00:00.1234567%2B08:00")]
    [InlineData("2026-01-01T08:00:00%2B0800")]
    [InlineData("2026-01-01T08:00:00+08:00")] // the + not percent-encoded arrives as a space
    [InlineData("2025-12-31T19:00:00-05:00")]
    public async Task Iso8601TimesAreAccepted(string changedSince)
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/api/v1/records?kind=licence&changed_since=" + changedSince, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATimeWithoutAZoneIsChinaStandardTime()
    {
        await site.WriteAsync(RecordKind.Commitment, RecordsSite.Commitment("CN-9001", Company, "常州市丁公司", site.Today.AddDays(-1), site.Today.AddDays(100)));
        // Half an hour from now on a UTC wall clock: read as Beijing time, that is seven and a half hours ago.
        var wallClock = DateTime.UtcNow.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        using var answer = JsonDocument.Parse(await site.CreateClient().GetStringAsync(
            new Uri("/api/v1/records?kind=commitment&changed_since=" + wallClock, UriKind.Relative)));

        Assert.Contains(answer.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("id").GetString() == "CN-9001");
    }

    [Fact]
    public async Task AChangedCursorIsRefusedAndTheSameCursorUnchangedIsAccepted()
    {
        await site.WriteAsync(RecordKind.Licence, RecordsSite.Licence("XK-9001", Company, "常州市丁公司", site.Today.AddDays(-1), site.Today.AddYears(1)),
            RecordsSite.Licence("XK-9002", Company, "常州市丁公司", site.Today.AddDays(-1), site.Today.AddYears(1)));
        using var first = JsonDocument.Parse(await site.CreateClient().GetStringAsync(
            new Uri("/api/v1/records?kind=licence&page_size=1&changed_since=2000-01-01", UriKind.Relative)));
        var cursor = first.RootElement.GetProperty("nextCursor").GetString()!;
        var middle = cursor.Length / 2;
        var changed = cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..];

        using var tampered = await site.CreateClient().GetAsync(new Uri("/api/v1/records?kind=licence&cursor=" + Uri.EscapeDataString(changed), UriKind.Relative));
        using var cut = await site.CreateClient().GetAsync(new Uri("/api/v1/records?kind=licence&cursor=" + Uri.EscapeDataString(cursor[..^4]), UriKind.Relative));
        using var otherKind = await site.CreateClient().GetAsync(new Uri("/api/v1/records?kind=penalty&cursor=" + Uri.EscapeDataString(cursor), UriKind.Relative));
        using var intact = await site.CreateClient().GetAsync(new Uri("/api/v1/records?kind=licence&cursor=" + Uri.EscapeDataString(cursor), UriKind.Relative));

        await AssertProblemAsync(tampered, "cursor 无效");
        await AssertProblemAsync(cut, "cursor 无效");
        await AssertProblemAsync(otherKind, "与 kind=penalty 不符");
        Assert.Equal(HttpStatusCode.OK, intact.StatusCode);
    }

    /// <summary>What the reference promises for the change feed is what it does: the listed kinds are accepted and
    /// nothing else, page_size's limits are the real ones, and the answer fields list the codes the feed writes.</summary>
    [Fact]
    public async Task TheDocumentedParametersAreWhatTheApiAccepts()
    {
        var client = site.CreateClient();
        var document = await ApiDocument.FetchAsync(client);
        const string Path = "/api/v1/records";
        var pageSize = document.Parameter("get", Path, "page_size")["schema"]!;

        Assert.Equal(Enum.GetValues<RecordKind>().Select(k => k.Code()).Order(StringComparer.Ordinal), document.Codes("get", Path, "kind").Order(StringComparer.Ordinal));
        Assert.True((bool?)document.Parameter("get", Path, "kind")["required"]);
        Assert.Equal("date-time", (string?)document.Parameter("get", Path, "changed_since")["schema"]!["format"]);
        foreach (var kind in document.Codes("get", Path, "kind"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"{Path}?kind={kind}&changed_since=2026-01-01", UriKind.Relative))).StatusCode);
        }

        var max = (int)pageSize["maximum"]!;
        Assert.Equal(1, (int)pageSize["minimum"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"{Path}?kind=penalty&changed_since=2026-01-01&page_size={max}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"{Path}?kind=penalty&changed_since=2026-01-01&page_size={max + 1}", UriKind.Relative))).StatusCode);
        Assert.Equal(["upsert", "removal"], document.Schema("RecordChangeAnswer")["properties"]!["change"]!["enum"]!.AsArray().Select(v => (string?)v));
        var statuses = document.Schema("RecordAnswer")["properties"]!["status"]!["enum"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.Contains("under_objection", statuses);
        Assert.Contains("revoked", statuses); // a revoked licence stays in view
        Assert.DoesNotContain("repaired", statuses);
        Assert.DoesNotContain("withdrawn", statuses);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("请求参数有误", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
