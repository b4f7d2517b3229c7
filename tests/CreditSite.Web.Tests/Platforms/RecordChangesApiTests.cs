using System.Globalization;
using System.Net;
using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>GET /api/v1/records</c> as a mirroring platform uses it: the first call with <c>changed_since</c>, then
/// each next call with the cursor it was given. Each test has a site of its own, since the tests write and move the
/// clock.</summary>
public sealed class RecordChangesApiTests : IDisposable
{
    private static readonly string Company = RecordsSite.Code("MA1C0001");
    private static readonly string PersonId = ResidentIdNumber.Complete("32041119850612002").Value;

    private readonly RecordsSite _site = new();

    public void Dispose()
    {
        _site.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task AnImportAReplaceAStatusAndAnExpiryEachAppearAsTheirChange()
    {
        var today = _site.Today;
        var since = _site.Clock.GetUtcNow().AddSeconds(-1);
        PublicRecord A() => RecordsSite.Penalty("CF-1001", Company, "常州市甲公司", today.AddDays(-3), today.AddDays(300));
        PublicRecord B() => RecordsSite.Penalty("CF-1002", Company, "常州市甲公司", today.AddDays(-3), today.AddDays(1));
        PublicRecord C(RecordStatus status = RecordStatus.Active) => RecordsSite.Penalty("CF-1003", Company, "常州市甲公司", today.AddDays(-3), today.AddDays(300), status);
        PublicRecord P() => RecordsSite.PersonPenalty("CF-1004", PersonId, "赵某", today.AddDays(-2), today.AddDays(200));

        // Imported: each an upsert with its content.
        await _site.WriteAsync(RecordKind.Penalty, A(), B(), C(), P());
        var (first, body) = await GetAsync($"/api/v1/records?kind=penalty&changed_since={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}");
        Assert.Equal([("upsert", "CF-1001"), ("upsert", "CF-1002"), ("upsert", "CF-1003"), ("upsert", "CF-1004")], Changes(first));
        var a = first.RootElement.GetProperty("changes")[0].GetProperty("record");
        Assert.Equal($"常市监罚〔{today.AddDays(-3).Year}〕CF-1001号", a.GetProperty("decisionNumber").GetString());
        Assert.Equal($"{RecordsSite.PublicBaseUrl}/records/penalty/CF-1001", a.GetProperty("url").GetString());
        Assert.DoesNotContain(PersonId, body, StringComparison.Ordinal);
        Assert.Contains(ResidentIdNumber.Mask(PersonId), body, StringComparison.Ordinal);
        Assert.False(first.RootElement.GetProperty("hasMore").GetBoolean());

        // Replaced away: A is removed (kind, id and time only); the others were written again by that import.
        await _site.WriteAsync(RecordKind.Penalty, replace: true, B(), C(), P());
        var (second, _) = await NextAsync(first);
        Assert.Equal([("removal", "CF-1001"), ("upsert", "CF-1002"), ("upsert", "CF-1003"), ("upsert", "CF-1004")], Changes(second));
        var removal = second.RootElement.GetProperty("changes")[0];
        Assert.False(removal.TryGetProperty("record", out _));
        Assert.Equal(["change", "kind", "id", "changedAt"], removal.EnumerateObject().Select(p => p.Name));

        // Withdrawn by its status (credit repair): a removal at the write.
        await _site.WriteAsync(RecordKind.Penalty, C(RecordStatus.Repaired));
        var (third, _) = await NextAsync(second);
        Assert.Equal([("removal", "CF-1003")], Changes(third));

        // Past public_until: a removal at local midnight after that day, with no write at all.
        _site.Clock.Advance(TimeSpan.FromDays(3));
        var (fourth, _) = await NextAsync(third);
        Assert.Equal([("removal", "CF-1002")], Changes(fourth));
        var left = DateTimeOffset.Parse(fourth.RootElement.GetProperty("changes")[0].GetProperty("changedAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(today.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), left);
        Assert.Equal(TimeSpan.FromHours(8), left.Offset);

        // Nothing more, and nothing twice.
        var (fifth, _) = await NextAsync(fourth);
        Assert.Empty(Changes(fifth));
    }

    [Fact]
    public async Task PagingByCursorReturnsEveryChangeOnceInTheOrderOfOnePage()
    {
        var today = _site.Today;
        var since = _site.Clock.GetUtcNow().AddSeconds(-1);
        PublicRecord Record(int n, DateOnly until) => RecordsSite.Penalty($"CF-2{n:000}", Company, "常州市乙公司", today.AddDays(-n), until);
        await _site.WriteAsync(RecordKind.Penalty, Enumerable.Range(1, 12).Select(n => Record(n, n % 3 == 0 ? today : today.AddDays(300))).ToArray());
        await _site.WriteAsync(RecordKind.Penalty, replace: true, Enumerable.Range(3, 10).Select(n => Record(n, n % 3 == 0 ? today : today.AddDays(300))).ToArray());
        await _site.WriteAsync(RecordKind.Penalty, Record(5, today.AddDays(300)), Record(7, today.AddDays(300)));
        _site.Clock.Advance(TimeSpan.FromDays(2));
        var start = $"/api/v1/records?kind=penalty&changed_since={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}";

        var (whole, _) = await GetAsync(start + "&page_size=500");
        var expected = AllChanges(whole);
        var paged = new List<(string, string, string)>();
        var (page, _) = await GetAsync(start + "&page_size=3");
        var pages = 1;
        while (true)
        {
            Assert.True(page.RootElement.GetProperty("count").GetInt32() <= 3);
            paged.AddRange(AllChanges(page));
            if (!page.RootElement.GetProperty("hasMore").GetBoolean())
            {
                break;
            }

            (page, _) = await NextAsync(page, "&page_size=3");
            pages++;
        }

        // The replace: CF-2001 and CF-2002 removed, six upserts; the update: CF-2005 and CF-2007; midnight: CF-2003,
        // CF-2006, CF-2009 and CF-2012 left on their date.
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, paged);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.True(pages > 3, $"{paged.Count} changes came in {pages} pages");
        Assert.Contains(("removal", "CF-2001", Time(whole, "CF-2001")), paged);
        Assert.Contains(paged, c => c.Item1 == "removal" && c.Item2 == "CF-2003"
            && DateTimeOffset.Parse(c.Item3, CultureInfo.InvariantCulture) == new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        Assert.Equal(paged.OrderBy(c => DateTimeOffset.Parse(c.Item3, CultureInfo.InvariantCulture)).Select(c => c.Item3), paged.Select(c => c.Item3));
        var (after, _) = await NextAsync(page);
        Assert.Empty(Changes(after));
    }

    [Fact]
    public async Task AnImportThatStartedBeforeTheCursorButCommittedAfterItIsStillHandedOut()
    {
        // The reader's cursor stands past midnight (an expiry) while an import that started before it is still
        // running; once that import commits, its records come on the next call.
        var today = _site.Today;
        var since = _site.Clock.GetUtcNow().AddSeconds(-1);
        await _site.WriteAsync(RecordKind.Penalty, RecordsSite.Penalty("CF-3001", Company, "常州市丙公司", today.AddDays(-1), today));
        var (first, _) = await GetAsync($"/api/v1/records?kind=penalty&changed_since={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}");
        Assert.Equal([("upsert", "CF-3001")], Changes(first));

        // A slow import: its batch (and start time) is taken now, it commits after the reader read past midnight.
        var store = _site.Records;
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Task.Run(() => store.WriteRecordsAsync(RecordKind.Penalty, SlowRecords(), new ListWrite { Source = "slow.csv" }));
        await started.Task;
        _site.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        var (second, _) = await NextAsync(first);
        Assert.Equal([("removal", "CF-3001")], Changes(second));
        release.Set();
        await slow;

        var (third, _) = await NextAsync(second);
        Assert.Contains(("upsert", "CF-3002"), Changes(third));

        IEnumerable<PublicRecord> SlowRecords()
        {
            started.SetResult();
            release.Wait();
            yield return RecordsSite.Penalty("CF-3002", Company, "常州市丙公司", today.AddDays(-1), today.AddDays(300));
        }
    }

    [Fact]
    public async Task WhenTheStoreCannotBeReadTheAnswerIsA503ProblemWithRetryAfter()
    {
        var client = _site.CreateClient();
        await _site.WriteAsync(RecordKind.Penalty, RecordsSite.Penalty("CF-4001", Company, "常州市戊公司", _site.Today, _site.Today.AddDays(30)));
        SqliteConnection.ClearAllPools();
        var database = Path.Combine(_site.DataPath, CreditStore.SqliteFileName);
        foreach (var file in new[] { database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        await File.WriteAllBytesAsync(database, new byte[8192]); // no longer a database

        using var response = await client.GetAsync(new Uri("/api/v1/records?kind=penalty&changed_since=2000-01-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("服务暂时不可用", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("记录数据库暂时无法访问", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<(JsonDocument Answer, string Body)> GetAsync(string path)
    {
        using var response = await _site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return (JsonDocument.Parse(body), body);
    }

    private Task<(JsonDocument Answer, string Body)> NextAsync(JsonDocument previous, string extra = "") =>
        GetAsync("/api/v1/records?kind=penalty&cursor=" + Uri.EscapeDataString(previous.RootElement.GetProperty("nextCursor").GetString()!) + extra);

    private static List<(string, string)> Changes(JsonDocument answer) =>
        answer.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("change").GetString()!, c.GetProperty("id").GetString()!)).ToList();

    private static List<(string, string, string)> AllChanges(JsonDocument answer) =>
        answer.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("change").GetString()!, c.GetProperty("id").GetString()!, c.GetProperty("changedAt").GetString()!)).ToList();

    private static string Time(JsonDocument answer, string id) =>
        answer.RootElement.GetProperty("changes").EnumerateArray().First(c => c.GetProperty("id").GetString() == id).GetProperty("changedAt").GetString()!;
}
