using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CreditSite.Search;
using CreditSite.Search.Embedded;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace CreditSite.Bench.RecordIndexing;

/// <summary><c>bulk &lt;source data&gt; &lt;target data&gt;</c>: the documents of an existing index (e.g. bench/SearchProfile's
/// generated one), read back from their stored copies, bulk-loaded into a new index through the engine's own path
/// (<c>UpsertAllAsync</c>: the reading thread and the writer threads of an import) without the merge into one segment;
/// then that index copied to <c>&lt;target&gt;-merged</c> and merged into one segment alone. Prints the CPU seconds of
/// each and the segments left, so that the merge's cost can be set against what searching several segments costs
/// (bench/SearchProfile on both targets).</summary>
internal static class BulkLoad
{
    public static async Task RunAsync(string source, string target)
    {
        using (var from = new EmbeddedSearchEngine(source))
        {
            var sourceIndex = Path.Combine(from.IndexPath, from.CurrentVersion!);
            using var engine = new EmbeddedSearchEngine(target, settings: new EmbeddedIndexSettings { MergeAfterBulkOf = int.MaxValue });
            var cpu = Cpu();
            var wall = Stopwatch.StartNew();
            var count = await engine.UpsertAllAsync(Stored(sourceIndex));
            Report($"bulk load of {count} documents, no merge", cpu, wall, engine);
        }

        var merged = target.TrimEnd('/') + "-merged";
        if (System.IO.Directory.Exists(merged))
        {
            System.IO.Directory.Delete(merged, recursive: true);
        }

        Copy(target, merged);
        using (var engine = new EmbeddedSearchEngine(merged))
        {
            using var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!));
            var cpu = Cpu();
            var wall = Stopwatch.StartNew();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.Version, null) { OpenMode = OpenMode.APPEND }))
            {
                writer.ForceMerge(1);
                writer.Commit();
            }

            Report("merge into one segment", cpu, wall, engine);
        }
    }

    private static async IAsyncEnumerable<SearchDocument> Stored(string index, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var directory = FSDirectory.Open(index);
        using var reader = DirectoryReader.Open(directory);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (liveDocs is null || liveDocs.Get(doc))
            {
                yield return IndexFields.FromLucene(reader.Document(doc, IndexFields.StoredOnly));
            }

            if (doc % 5000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static void Report(string what, double cpuBefore, Stopwatch wall, EmbeddedSearchEngine engine)
    {
        using var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!));
        using var reader = DirectoryReader.Open(directory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {Cpu() - cpuBefore:F1} CPU s, {wall.Elapsed.TotalSeconds:F1} s wall, {reader.Leaves.Count} segments, {reader.NumDocs} documents (load average {File.ReadAllText("/proc/loadavg")[..14]})"));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}

/// <summary><c>lookups &lt;data&gt;</c>: the CPU of asking an index, per document of a bulk load, whether it already holds
/// the document's id (<c>UpsertAllAsync</c> does, to add instead of update), for ids it does not hold.</summary>
internal static class IdLookups
{
    public static void Run(string dataPath)
    {
        using var engine = new EmbeddedSearchEngine(dataPath);
        using var directory = FSDirectory.Open(Path.Combine(engine.IndexPath, engine.CurrentVersion!));
        using var reader = DirectoryReader.Open(directory);
        const int Count = 1_000_000;
        var found = 0;
        var cpu = ThreadCpuMs();
        for (var i = 1; i <= Count; i++)
        {
            found += reader.DocFreq(new Term(IndexFields.Id, string.Create(CultureInfo.InvariantCulture, $"licence:DEMO-XK-{i:D8}")));
        }

        var spent = ThreadCpuMs() - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DocFreq: {Count} absent ids looked up in {reader.NumDocs} documents ({reader.Leaves.Count} segments): {spent * 1000 / Count:F2} µs each ({found} found)"));

        // What the bulk load uses: one reused terms enumerator per segment.
        using var ids = new IndexedIds(directory);
        found = 0;
        cpu = ThreadCpuMs();
        for (var i = 1; i <= Count; i++)
        {
            found += ids.Contains(string.Create(CultureInfo.InvariantCulture, $"licence:DEMO-XK-{i:D8}")) ? 1 : 0;
        }

        spent = ThreadCpuMs() - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IndexedIds: {spent * 1000 / Count:F2} µs each ({found} found)"));
    }

    private static double ThreadCpuMs() => CreditSite.Bench.SearchProfile.ThreadCpu.Milliseconds();
}
