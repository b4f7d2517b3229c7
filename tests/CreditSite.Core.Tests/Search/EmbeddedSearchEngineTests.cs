using System.Text;
using CreditSite.Search;
using CreditSite.Search.Embedded;
using Lucene.Net.Index;
using Lucene.Net.Store;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>What only the embedded engine has: the folder layout, two processes (here: two instances, each with its
/// own reader, writer and locks, as the web site and the CLI have) sharing one index, and what lands on disk.</summary>
public sealed class EmbeddedSearchEngineTests : IDisposable
{
    private readonly TemporaryDataFolder _data = new();

    private EmbeddedSearchEngine NewEngine(EmbeddedIndexSettings? settings = null) => new(_data.Path, settings: settings);

    private static SearchRequest Request(string? text = null) => new() { Text = text, Today = Today };

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task WritesOnlyUnderIndexFolderWithCurrentNamingTheLiveVersion()
    {
        using var engine = NewEngine();
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);

        var indexPath = Path.Combine(_data.Path, "index");
        var current = (await File.ReadAllTextAsync(Path.Combine(indexPath, "CURRENT"))).Trim();

        Assert.Equal(indexPath, engine.IndexPath);
        Assert.Matches("^v[0-9]{17}$", current);
        Assert.Equal(current, engine.CurrentVersion);
        Assert.True(DirectoryReader.IndexExists(FSDirectory.Open(Path.Combine(indexPath, current))));
        Assert.Equal(["index"], System.IO.Directory.EnumerateFileSystemEntries(_data.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RebuildPointsCurrentAtANewVersionAndRemovesTheOldOne()
    {
        using var engine = NewEngine();
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);
        var before = engine.CurrentVersion!;

        await engine.RebuildAsync(Async([Entry("E-2", "常州诚信食品有限公司")]));

        var after = (await File.ReadAllTextAsync(Path.Combine(engine.IndexPath, "CURRENT"))).Trim();
        Assert.NotEqual(before, after);
        Assert.True(string.CompareOrdinal(after, before) > 0, "versions sort by time");
        Assert.Equal(after, engine.CurrentVersion);
        Assert.Equal(after, engine.ReaderVersion);
        Assert.False(System.IO.Directory.Exists(Path.Combine(engine.IndexPath, before)));
        Assert.Equal([after], System.IO.Directory.EnumerateDirectories(engine.IndexPath).Select(Path.GetFileName));
        Assert.Empty(System.IO.Directory.EnumerateFiles(engine.IndexPath, "CURRENT.*.tmp"));
    }

    [Fact]
    public async Task FailedRebuildLeavesTheLiveIndexAndNoHalfBuiltFolder()
    {
        using var engine = NewEngine();
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        var before = engine.CurrentVersion;

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RebuildAsync(Failing()));

        Assert.Equal(before, (await File.ReadAllTextAsync(Path.Combine(engine.IndexPath, "CURRENT"))).Trim());
        Assert.Equal([before], System.IO.Directory.EnumerateDirectories(engine.IndexPath).Select(Path.GetFileName));
        Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);
    }

    [Fact]
    public async Task UpsertFromAnotherProcessBecomesVisibleToTheSitesSearches()
    {
        using var site = NewEngine();
        using var cli = NewEngine();
        Assert.Empty((await site.SearchAsync(Request("恒达"))).Hits);

        await cli.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);

        // The site checks for the other process's writes on its refresh interval; how soon that is, is not the point.
        await Eventually.UntilAsync(async () => (await site.SearchAsync(Request("恒达"))).Total == 1, "the site never saw the import");
    }

    [Fact]
    public async Task WithoutARefreshIntervalTheNextSearchSeesAnotherProcesssUpsert()
    {
        // With no interval every search checks, so the very next search must see the write: no waiting involved.
        using var site = NewEngine(new EmbeddedIndexSettings { RefreshInterval = TimeSpan.Zero });
        using var cli = NewEngine();
        Assert.Empty((await site.SearchAsync(Request("恒达"))).Hits);

        await cli.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);

        Assert.Equal(["entry:E-1"], (await site.SearchAsync(Request("恒达"))).Hits.Select(h => h.Document.Id));
    }

    [Fact]
    public async Task RebuildInAnotherProcessIsPickedUpAndSearchesNeverFail()
    {
        using var site = NewEngine();
        using var cli = NewEngine();
        await site.UpsertAsync([.. ManyEntries(100)]);
        using var stop = new CancellationTokenSource();
        var totals = new List<long>();
        var searching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var total = (await site.SearchAsync(Request("常州"))).Total;
                lock (totals)
                {
                    totals.Add(total);
                }
            }
        });

        await cli.RebuildAsync(Async(ManyEntries(150, firstSerial: 1000)));
        await Eventually.UntilAsync(async () => (await site.SearchAsync(Request("常州"))).Total == 150, "the site never switched to the rebuilt index");

        await stop.CancelAsync();
        await searching;
        Assert.All(totals, t => Assert.True(t is 100 or 150, $"a search saw {t} documents"));
        Assert.Equal(cli.CurrentVersion, site.ReaderVersion);
    }

    [Fact]
    public async Task WritesFromTwoProcessesAtOnceAllLand()
    {
        using var site = NewEngine();
        using var cli = NewEngine();
        var all = ManyEntries(400).ToList();

        // Many small batches from both sides at once: each batch opens a writer, so they contend for the write lock.
        var fromSite = Task.Run(async () =>
        {
            foreach (var batch in all.Take(200).Chunk(10))
            {
                await site.UpsertAsync(batch);
            }
        });
        var fromCli = Task.Run(async () =>
        {
            foreach (var batch in all.Skip(200).Chunk(10))
            {
                await cli.UpsertAsync(batch);
            }
        });
        await Task.WhenAll(fromSite, fromCli);

        // A fresh reader sees the index as committed (the two engines refresh within the interval).
        using var check = NewEngine();
        Assert.Equal(400, await check.CountAsync());
        Assert.Equal(400, (await check.SearchAsync(Request("常州"))).Total);
    }

    [Fact]
    public async Task UpsertWaitingForAnotherProcessRebuildLandsInTheNewVersion()
    {
        using var site = NewEngine();
        using var cli = NewEngine();
        await site.UpsertAsync([Entry("E-OLD", "常州恒达建材有限公司")]);
        var rebuildStarted = new TaskCompletionSource();

        var rebuilding = cli.RebuildAsync(SlowRebuild(rebuildStarted));
        await rebuildStarted.Task;
        await site.UpsertAsync([Entry("E-LATE", "常州诚信食品有限公司")]);
        await rebuilding;

        Assert.Equal(["entry:E-LATE", "entry:E-REBUILT"], (await site.SearchAsync(Request())).Hits.Select(h => h.Document.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteGivesUpWithAClearErrorWhenTheLockStaysTaken()
    {
        using var cli = NewEngine();
        await cli.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        using var site = NewEngine(new EmbeddedIndexSettings { WriteLockWait = TimeSpan.FromMilliseconds(300) });
        var current = cli.CurrentVersion!;
        using var held = new ExclusiveFileLock(Path.Combine(cli.IndexPath, current, IndexWriter.WRITE_LOCK_NAME));
        Assert.True(held.Obtain());

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => site.UpsertAsync([Entry("E-2", "常州诚信食品有限公司")]));

        Assert.Contains("搜索索引", error.Message, StringComparison.Ordinal);
        Assert.Single((await site.SearchAsync(Request())).Hits);
    }

    [Fact]
    public void WriteLockExcludesASecondHolderUntilReleased()
    {
        var path = Path.Combine(_data.Path, "write.lock");
        using var first = new ExclusiveFileLock(path);
        using var second = new ExclusiveFileLock(path);

        Assert.True(first.Obtain());
        Assert.False(second.Obtain());
        Assert.True(second.IsLocked());
        first.Dispose();
        Assert.True(second.Obtain());
    }

    [Fact]
    public async Task IndexSurvivesARestart()
    {
        using (var first = NewEngine())
        {
            await first.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        }

        using var second = NewEngine();
        Assert.Single((await second.SearchAsync(Request("恒达"))).Hits);
    }

    [Fact]
    public async Task LostCurrentPointerFallsBackToTheNewestCompleteVersion()
    {
        using (var first = NewEngine())
        {
            await first.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        }

        File.Delete(Path.Combine(_data.Path, "index", "CURRENT"));
        using var second = NewEngine();

        Assert.Single((await second.SearchAsync(Request("恒达"))).Hits);
    }

    [Fact]
    public async Task IndexHoldsNoFullResidentIdNumberOnlyItsHashAndMaskedForm()
    {
        var number = ResidentId(42);
        using var engine = NewEngine();
        await engine.UpsertAsync([PersonEntry("P-1", "王芳", number)]);

        var hit = Assert.Single((await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(null, HashOf(number)) })).Hits);
        Assert.Contains(number.Masked, hit.SnippetHtml, StringComparison.Ordinal);

        // Every term of every field and every stored value, decoded...
        var seen = new StringBuilder();
        using (var reader = DirectoryReader.Open(FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!))))
        {
            foreach (var context in reader.Leaves)
            {
                foreach (var field in context.AtomicReader.Fields)
                {
                    var terms = context.AtomicReader.Fields.GetTerms(field).GetEnumerator();
                    while (terms.MoveNext())
                    {
                        seen.Append(terms.Term.Utf8ToString()).Append('\n');
                    }
                }

                for (var doc = 0; doc < context.AtomicReader.MaxDoc; doc++)
                {
                    foreach (var stored in context.AtomicReader.Document(doc).Fields)
                    {
                        seen.Append(stored.GetStringValue(System.Globalization.CultureInfo.InvariantCulture) ?? stored.GetBinaryValue()?.Utf8ToString()).Append('\n');
                    }
                }
            }
        }

        var text = seen.ToString();
        Assert.Contains(number.Masked, text, StringComparison.Ordinal);
        Assert.Contains(HashOf(number), text, StringComparison.Ordinal);
        Assert.DoesNotContain(number.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(number.Value[6..14], text, StringComparison.Ordinal); // not even the birth date part

        // ...and the raw bytes of every file, in case something bypasses the fields.
        foreach (var file in System.IO.Directory.EnumerateFiles(engine.IndexPath, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(number.Value)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(number.Value)));
        }
    }

    [Fact]
    public async Task SearchAfterDisposeThrowsObjectDisposed()
    {
        var engine = NewEngine();
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        await engine.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => engine.SearchAsync(Request("恒达")));
        Assert.Equal(EngineHealth.Unavailable, await engine.CheckHealthAsync());
    }

    [Fact]
    public async Task ConcurrentSearchesAndWritesInOneProcessNeverFail()
    {
        using var engine = NewEngine();
        await engine.UpsertAsync([.. ManyEntries(50)]);
        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                var results = await engine.SearchAsync(Request(i % 2 == 0 ? "常州" : null));
                Assert.True(results.Total >= 50);
            }
        }));
        var writes = Task.Run(async () =>
        {
            foreach (var batch in ManyEntries(100, firstSerial: 500).Chunk(5))
            {
                await engine.UpsertAsync(batch);
            }
        });

        await Task.WhenAll([.. searches, writes]);
        Assert.Equal(150, await engine.CountAsync());
    }

    [Fact]
    public async Task FailedBulkUpsertLeavesTheIndexAsItWas()
    {
        using var engine = NewEngine();
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.UpsertAllAsync(Failing()));

        Assert.Equal(1, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("半成品"))).Hits);
        Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);
    }

    [Fact]
    public async Task BulkLoadMakingUpMostOfTheIndexEndsInOneSegment()
    {
        using var engine = NewEngine(new EmbeddedIndexSettings { MergeAfterBulkOf = 100, RamBufferSizeMb = 1 });
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);

        await engine.UpsertAllAsync(Async(ManyEntries(3000)));

        using var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!));
        using var reader = DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        Assert.Equal(3001, reader.NumDocs);
    }

    [Fact]
    public async Task BulkUpsertReplacesDocumentsHeldInAnySegmentOfTheIndex()
    {
        // Three writes, three segments; the bulk load must find an id whichever segment holds it, or it would add a
        // second copy beside the first.
        using var engine = NewEngine(new EmbeddedIndexSettings { MergeAfterBulkOf = int.MaxValue });
        await engine.UpsertAsync([Entry("E-1", "溧阳南山竹海旅游有限公司"), Entry("E-2", "金坛茅山茶业有限公司")]);
        await engine.UpsertAsync([Entry("E-3", "武进淹城文化有限公司")]);
        await engine.UpsertAsync([Entry("E-4", "新北恐龙园游乐有限公司"), Entry("E-5", "钟楼青果巷文旅有限公司")]);
        using (var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!)))
        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Equal(3, reader.Leaves.Count);
        }

        await engine.UpsertAllAsync(Async([Entry("E-5", "常州恒达建材有限公司"), Entry("E-3", "常州龙城电子有限公司"), Entry("E-1", "常州诚信食品有限公司"), Entry("E-6", "天宁红梅公园管理有限公司")]));

        Assert.Equal(6, await engine.CountAsync());
        foreach (var gone in new[] { "竹海", "淹城", "青果巷" })
        {
            Assert.Empty((await engine.SearchAsync(Request(gone))).Hits);
        }

        Assert.Single((await engine.SearchAsync(Request("茅山"))).Hits);
        Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Single((await engine.SearchAsync(Request("红梅公园"))).Hits);
    }

    [Fact]
    public async Task SmallerBulkUpsertIntoALargerIndexEndsInTwoSegmentsLeavingTheLargestAsItIs()
    {
        using var engine = NewEngine(new EmbeddedIndexSettings { MergeAfterBulkOf = 100, RamBufferSizeMb = 1 });
        await engine.UpsertAllAsync(Async(ManyEntries(3000)));
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        await engine.UpsertAsync([Entry("E-2", "常州诚信食品有限公司")]);
        string largest;
        using (var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!)))
        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Equal(3, reader.Leaves.Count);
            largest = reader.Leaves.Select(l => (SegmentReader)l.AtomicReader).MaxBy(r => r.MaxDoc)!.SegmentName;
        }

        await engine.UpsertAllAsync(Async(ManyEntries(600, firstSerial: 5000)));

        using (var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!)))
        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Equal(2, reader.Leaves.Count);
            Assert.Contains(largest, reader.Leaves.Select(l => ((SegmentReader)l.AtomicReader).SegmentName));
            Assert.Equal(3602, reader.NumDocs);
        }

        Assert.Equal(3602, await engine.CountAsync());
    }

    private static async IAsyncEnumerable<SearchDocument> Async(IEnumerable<SearchDocument> documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }

    private static async IAsyncEnumerable<SearchDocument> Failing()
    {
        yield return Entry("E-X", "常州半成品有限公司");
        await Task.Yield();
        throw new InvalidOperationException("the store went away");
    }

    private static async IAsyncEnumerable<SearchDocument> SlowRebuild(TaskCompletionSource started)
    {
        yield return Entry("E-REBUILT", "常州龙城电子有限公司");
        started.SetResult();
        await Task.Delay(500);
    }
}
