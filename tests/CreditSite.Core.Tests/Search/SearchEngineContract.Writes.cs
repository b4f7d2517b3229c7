using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 4: upserts, deletes, bulk loads and rebuilds.</summary>
public abstract partial class SearchEngineContract
{
    // ---- writes ----

    [SkippableFact]
    public async Task UpsertOfTheSameIdReplacesTheDocument()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司"));
        Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);

        await engine.UpsertAsync([Entry("E-1", "常州诚信食品有限公司")]);

        Assert.Equal(1, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("诚信食品"))));
    }

    [SkippableTheory]
    [InlineData(3)]
    [InlineData(3000)]
    public async Task UpsertOfABatchRepeatingAnIdKeepsItsLastOccurrence(int batchSize)
    {
        var engine = await NewEngineAsync();
        var batch = ManyEntries(batchSize - 1).Append(Entry("GEN-0000001", "常州卓越测绘有限公司", usccSerial: 1)).ToList();

        await engine.UpsertAsync(batch);

        Assert.Equal(batchSize - 1, await engine.CountAsync());
        Assert.Equal(["entry:GEN-0000001"], Ids(await engine.SearchAsync(Request("卓越测绘"))));
    }

    [SkippableFact]
    public async Task UpsertCanHideAnEntryByChangingItsStatus()
    {
        var entry = Entry("E-1", "常州恒达建材有限公司");
        var engine = await NewEngineAsync(entry);

        await engine.UpsertAsync([entry with { Status = EntryStatus.Repaired }]);

        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
    }

    [SkippableFact]
    public async Task DeleteRemovesOnlyTheNamedDocuments()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司"), Entry("E-2", "常州恒达食品有限公司"));
        Assert.Equal(2, (await engine.SearchAsync(Request("恒达"))).Total);

        await engine.DeleteAsync(["entry:E-1", "entry:NOT-THERE"]);

        Assert.Equal(1, await engine.CountAsync());
        Assert.Equal(["entry:E-2"], Ids(await engine.SearchAsync(Request("恒达"))));
    }

    [SkippableFact]
    public async Task NewEngineIsEmptyAndHealthy()
    {
        var engine = await NewEngineAsync();

        Assert.Equal(0, await engine.CountAsync());
        Assert.Equal(EngineHealth.Healthy, await engine.CheckHealthAsync());
        var results = await engine.SearchAsync(Request("诚信"));
        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [SkippableFact]
    public async Task RebuildReplacesEverythingAndReportsProgress()
    {
        var engine = await NewEngineAsync([.. ManyEntries(10)]);
        var reported = new List<long>();

        await engine.RebuildAsync(Stream([Entry("E-NEW", "常州恒达建材有限公司"), Entry("E-NEW2", "常州诚信食品有限公司")]), new SyncProgress(reported));

        Assert.Equal(2, await engine.CountAsync());
        Assert.Equal(["entry:E-NEW"], Ids(await engine.SearchAsync(Request("恒达建材"))));
        Assert.Equal(2, reported.LastOrDefault());
    }

    [SkippableFact]
    public async Task RebuildWithARepeatedIdKeepsTheLastVersion()
    {
        var engine = await NewEngineAsync();

        await engine.RebuildAsync(Stream([Entry("E-1", "常州恒达建材有限公司"), Entry("E-2", "常州龙城电子有限公司"), Entry("E-1", "常州诚信食品有限公司")]));

        Assert.Equal(2, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("诚信食品"))));
    }

    [SkippableFact]
    public async Task BulkUpsertReplacesIndexedEntriesAddsNewOnesAndReportsProgress()
    {
        var engine = await NewEngineAsync(Entry("E-1", "溧阳南山竹海旅游有限公司"), Entry("E-KEEP", "金坛茅山茶业有限公司"));
        var reported = new List<long>();

        var written = await engine.UpsertAllAsync(
            Stream([Entry("E-1", "武进淹城文化有限公司"), .. ManyEntries(2500), Entry("E-NEW", "新北恐龙园游乐有限公司")]), new SyncProgress(reported));

        Assert.Equal(2502, written);
        Assert.Equal(2503, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("竹海"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("淹城"))));
        Assert.Equal(["entry:E-KEEP"], Ids(await engine.SearchAsync(Request("茅山"))));
        Assert.Equal(["entry:E-NEW"], Ids(await engine.SearchAsync(Request("恐龙园"))));
        Assert.Equal(2502, reported.LastOrDefault());
    }

    [SkippableFact]
    public async Task BulkUpsertWithARepeatedIdKeepsTheLastVersion()
    {
        var engine = await NewEngineAsync();

        await engine.UpsertAllAsync(Stream([Entry("E-1", "常州恒达建材有限公司"), Entry("E-2", "常州龙城电子有限公司"), Entry("E-1", "常州诚信食品有限公司")]));

        Assert.Equal(2, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("诚信食品"))));
    }

    [SkippableFact]
    public async Task BulkWritesWithManyRepeatedIdsKeepOnlyTheLastOfEach()
    {
        // Each id twice in a row, the second time exited (hidden): two threads pick up the two occurrences at about the
        // same moment, and the later one must still win.
        var stream = ManyEntries(3000).SelectMany(d => new[] { d, d with { Status = EntryStatus.Exited } }).ToList();
        var upserted = await NewEngineAsync();
        var rebuilt = await NewEngineAsync();

        await upserted.UpsertAllAsync(Stream(stream));
        await rebuilt.RebuildAsync(Stream(stream));

        foreach (var engine in new[] { upserted, rebuilt })
        {
            Assert.Equal(3000, await engine.CountAsync());
            Assert.Equal(0, (await engine.SearchAsync(Request("常州"))).Total);
        }
    }

    [SkippableFact]
    public async Task LargeBatchesAreIndexedCompletely()
    {
        var engine = await NewEngineAsync();
        var documents = ManyEntries(5000).ToList();

        await engine.UpsertAsync(documents);
        await engine.UpsertAsync(documents.Take(2500).Select(d => d with { Status = EntryStatus.Exited }).ToList());

        Assert.Equal(5000, await engine.CountAsync());
        Assert.Equal(2500, (await engine.SearchAsync(Request("常州"))).Total);
    }

    [SkippableFact]
    public async Task RebuildSwapsAtomicallyWhileSearchesGoOn()
    {
        const int OldCount = 200;
        const int NewCount = 300;
        var engine = await NewEngineAsync([.. ManyEntries(OldCount)]);
        using var stop = new CancellationTokenSource();
        var totals = new List<long>();
        Task? searching = null;

        // Waits for a few more searches (or for the searching loop to fail, which the final await rethrows), so
        // searches surely run at that point however the threads are scheduled.
        async Task SomeSearchesRunAsync(string when)
        {
            int Count()
            {
                lock (totals)
                {
                    return totals.Count;
                }
            }

            var before = Count();
            await Eventually.UntilAsync(() => Count() >= before + 3 || searching is { IsCompleted: true }, $"no search ran {when}");
        }

        searching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var results = await engine.SearchAsync(Request("常州"));
                lock (totals)
                {
                    totals.Add(results.Total);
                }
            }
        });

        await engine.RebuildAsync(PausingHalfway(ManyEntries(NewCount, firstSerial: 5000).ToList(), () => SomeSearchesRunAsync("while the new index was half built")));
        var afterSwap = await engine.SearchAsync(Request("常州"));
        await SomeSearchesRunAsync("after the swap");
        await stop.CancelAsync();
        await searching; // rethrows any failed search

        Assert.Equal(NewCount, afterSwap.Total);
        Assert.NotEmpty(totals);
        Assert.All(totals, t => Assert.True(t is OldCount or NewCount, $"a search saw {t} documents"));
        Assert.Contains((long)OldCount, totals);
    }
}
