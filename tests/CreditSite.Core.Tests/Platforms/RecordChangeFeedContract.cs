using CreditSite.Core.Tests.Import;
using CreditSite.Domain;
using CreditSite.Platforms;
using CreditSite.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Core.Tests.Platforms;

/// <summary>The platforms' change feed on each provider: paging by position hands every change out once and in the
/// order of one whole page, whatever the database's collation makes of the record ids (PostgreSQL's default collation
/// sorts <c>CF-2</c> and <c>cf_1</c> unlike SQLite; the feed pins the order to code points on both).</summary>
public abstract class RecordChangeFeedContract : IAsyncLifetime
{
    private CreditStore? _store;

    protected ImportFiles Files { get; } = new();

    private RecordStore Records => new(_store ?? throw new InvalidOperationException("The store was not created."));

    protected abstract Task<CreditStore> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DropStoreAsync();
        }

        Files.Dispose();
    }

    [Fact]
    public async Task PagingHandsOutEveryChangeOnceInTheOrderOfOnePageWhateverTheCollation()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var today = CreditCalendar.Today(clock);
        var since = clock.GetUtcNow().AddSeconds(-1);
        string[] ids = ["cf_1", "CF-2", "CF-10", "cf-3", "Cf.4", "CF 5", "中-6", "CF-7a", "CF-7A", "ｃｆ-8", "CF-9", "a", "B", "b-1", "A_2", "_z"];
        await WriteAsync(replace: false, ids.Select((id, n) => Penalty(id, today, n % 4 == 0 ? today : today.AddDays(100))).ToList());
        // Replaces the first three away; of the rest, every fourth leaves public view at midnight.
        await WriteAsync(replace: true, ids.Skip(3).Select((id, n) => Penalty(id, today, n % 4 == 0 ? today : today.AddDays(100))).ToList());
        clock.Advance(TimeSpan.FromDays(2));
        var feed = new RecordChangeFeed(Records, clock);

        var whole = await feed.ReadAsync(RecordChangePosition.Since(RecordKind.Penalty, since), RecordChangeFeed.MaxPageSize);
        var paged = new List<RecordChange>();
        var position = RecordChangePosition.Since(RecordKind.Penalty, since);
        while (true)
        {
            var page = await feed.ReadAsync(position, 2);
            paged.AddRange(page.Changes);
            position = page.Next;
            if (!page.HasMore)
            {
                break;
            }
        }

        Assert.False(whole.HasMore);
        Assert.Equal(ids.Length, whole.Changes.Count);
        Assert.Equal(ids.Order(CodePointOrder.Instance), whole.Changes.Select(c => c.RecordId).Order(CodePointOrder.Instance));
        Assert.Equal(whole.Changes.Select(Key), paged.Select(Key));
        Assert.Equal(new[] { ids[0], ids[1], ids[2], ids[3], ids[7], ids[11], ids[15] }.Order(CodePointOrder.Instance),
            whole.Changes.Where(c => c.Type == RecordChangeType.Removal).Select(c => c.RecordId).Order(CodePointOrder.Instance));
        Assert.Equal(whole.Changes.Select(c => c.ChangedAt).Order(), whole.Changes.Select(c => c.ChangedAt));
        Assert.All(whole.Changes.GroupBy(c => c.ChangedAt), at => Assert.Equal(at.Select(c => c.RecordId).Order(CodePointOrder.Instance), at.Select(c => c.RecordId)));
        Assert.Empty((await feed.ReadAsync(position, 2)).Changes);
    }

    [Fact]
    public async Task ARecordAlreadyPastItsPeriodWhenWrittenIsARemovalAtTheWriteAndAnotherLeavesAtMidnight()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var today = CreditCalendar.Today(clock);
        var since = clock.GetUtcNow().AddSeconds(-1);
        await WriteAsync(replace: false, [Penalty("CF-old", today, today.AddDays(-30)), Penalty("CF-now", today, today.AddDays(100)), Penalty("CF-end", today, today)]);
        clock.Advance(TimeSpan.FromDays(2));

        var page = await new RecordChangeFeed(Records, clock).ReadAsync(RecordChangePosition.Since(RecordKind.Penalty, since), 10);

        var written = page.Changes.Single(c => c.RecordId == "CF-now").ChangedAt;
        Assert.Equal(
        [
            (RecordChangeType.Upsert, "CF-now", written),
            (RecordChangeType.Removal, "CF-old", written),
            (RecordChangeType.Removal, "CF-end", new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))),
        ], page.Changes.Select(Key));
        Assert.NotNull(page.Changes[0].Record);
        Assert.Null(page.Changes[1].Record);
    }

    private static (RecordChangeType, string, DateTimeOffset) Key(RecordChange change) => (change.Type, change.RecordId, change.ChangedAt);

    private Task<ListWriteOutcome> WriteAsync(bool replace, IReadOnlyList<PublicRecord> records) =>
        Records.WriteRecordsAsync(RecordKind.Penalty, records, new ListWrite { Source = "b.csv", Replace = replace });

    private static PublicRecord Penalty(string id, DateOnly today, DateOnly until) => new()
    {
        Kind = RecordKind.Penalty,
        RecordId = id,
        SubjectType = SubjectType.LegalPerson,
        SubjectName = "常州市排序测试有限公司",
        Uscc = "91320402MA1B00025Q",
        SubjectKey = "91320402MA1B00025Q",
        DecisionNumber = $"常市监罚〔{today.Year}〕1号",
        DecisionDate = today.AddDays(-1),
        PublicUntil = until,
        Department = "常州市市场监督管理局",
        Content = "罚款。",
        Status = RecordStatus.Active,
        PenaltyTypes = ["罚款"],
        Severity = Severity.General,
    };
}
