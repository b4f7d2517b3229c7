using System.Diagnostics;
using System.Globalization;
using CreditSite.Bench.SearchProfile;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Indexing;
using CreditSite.Search.Embedded;
using CreditSite.Storage;
using Lucene.Net.Index;
using Lucene.Net.Store;

// What a record import's index update costs per stage, in CPU time (a shared, loaded machine makes wall
// time mostly waiting; the stages run on one thread, the process's CPU time also counts the garbage collector), over the records a `creditsite import` wrote to a data folder:
//   dotnet run -c Release --project bench/RecordIndexing -- <dataPath> [records=20000] [rounds=3]
// Stages, each over the same records, the best of the rounds:
//   baseline   copy each record's strings into a list (what touching the records costs at all);
//   read       the records read from the store page by page (as the indexer reads them) and projected;
//   project    RecordDocuments.ToSearchDocument;
//   document   LuceneDocumentBuilder.Build (fields, facet key, the stored copy as JSON) of the projected documents;
//   analyse    every indexed field of those documents through the indexing analyser, tokens consumed, by field;
//   index      the documents into an IndexWriter (a folder under /tmp, one thread, the engine's settings), committed;
//   cached     the same with a NameWordsCache, as a bulk load runs (name_words replayed for a name seen before; a
//              subject's records are spread over the stream, so use all of an import's records to see its hit rate).
// "index" includes analysis: it is what the import's writer threads pay per document.
// bulk <source data> <target data>: see BulkLoad; lookups <data>: see IdLookups.
if (args[0] == "lookups")
{
    CreditSite.Bench.RecordIndexing.IdLookups.Run(args[1]);
    return;
}

if (args[0] == "bulk")
{
    await CreditSite.Bench.RecordIndexing.BulkLoad.RunAsync(args[1], args[2]);
    return;
}

var dataPath = args[0];
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

var store = CreditStore.FromOptions(new StorageOptions { DataPath = dataPath }, dataPath);
var records = new List<PublicRecord>(count);
await foreach (var page in new RecordStore(store).ReadAllRecordsAsync(5_000))
{
    records.AddRange(page.Take(count - records.Count));
    if (records.Count >= count)
    {
        break;
    }
}

Console.WriteLine($"{records.Count} records from {dataPath}; best of {rounds} rounds, CPU ms of the process");
using var analysis = new SearchAnalysis();
var documents = records.Select(RecordDocuments.ToSearchDocument).ToList();
var settings = new EmbeddedIndexSettings();
// MERGE=1: the index stage ends with the merge into one segment that a large import ends with.
var merge = Environment.GetEnvironmentVariable("MERGE") == "1";
var byField = new Dictionary<string, double>(StringComparer.Ordinal);

// SLOTS=16384: a smaller cache, to see what a cache too small for all names (as at 5M records) still saves.
var slots = int.Parse(Environment.GetEnvironmentVariable("SLOTS") ?? NameWordsCache.DefaultSlots.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var stages = new (string Name, Action Run)[]
{
    ("baseline", () =>
    {
        var copies = new List<string>(records.Count * 4);
        foreach (var record in records)
        {
            copies.Add(record.RecordId);
            copies.Add(record.SubjectName);
            copies.Add(record.Content);
            copies.Add(record.Department);
        }

        GC.KeepAlive(copies);
    }),
    ("read", () =>
    {
        // What the indexer's reading thread does per record: a page of records from the store, projected.
        var read = 0;
        foreach (var page in new RecordStore(store).ReadAllRecordsAsync(5_000).ToBlockingEnumerable())
        {
            foreach (var record in page)
            {
                GC.KeepAlive(RecordDocuments.ToSearchDocument(record));
                if (++read == records.Count)
                {
                    return;
                }
            }
        }
    }),
    ("project", () =>
    {
        foreach (var record in records)
        {
            GC.KeepAlive(RecordDocuments.ToSearchDocument(record));
        }
    }),
    ("document", () =>
    {
        using var builder = new LuceneDocumentBuilder();
        foreach (var document in documents)
        {
            GC.KeepAlive(builder.Build(document));
        }
    }),
    ("analyse", () =>
    {
        byField.Clear();
        using var builder = new LuceneDocumentBuilder();
        foreach (var document in documents)
        {
            foreach (var field in builder.Build(document))
            {
                if (!field.IndexableFieldType.IsIndexed || !field.IndexableFieldType.IsTokenized)
                {
                    continue;
                }

                var start = ThreadCpu.Milliseconds();
                using var stream = field.GetTokenStream(analysis.Indexing);
                stream.Reset();
                while (stream.IncrementToken())
                {
                }

                stream.End();
                byField[field.Name] = byField.GetValueOrDefault(field.Name) + ThreadCpu.Milliseconds() - start;
            }
        }
    }),
    ("index", () => Index(nameWords: null)),
    ("cached", () => Index(new NameWordsCache(analysis.Words, slots))),
};

if (Environment.GetEnvironmentVariable("CACHE_MEMORY") == "1")
{
    // The managed memory the cache of every record's title holds, per distinct title.
    var titles = documents.Select(d => d.Title).Distinct(StringComparer.Ordinal).ToList();
    new NameWordsCache(analysis.Words, 1).Get(titles[0]);  // SmartCn loads its dictionaries on first use
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var cache = new NameWordsCache(analysis.Words, slots);
    foreach (var title in titles)
    {
        cache.Get(new string(title.AsSpan()));  // a copy: in an import the cache alone keeps a name alive
    }

    var held = GC.GetTotalMemory(forceFullCollection: true) - before;
    GC.KeepAlive(cache);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cache of {slots} slots over {titles.Count} distinct titles: {held / 1048576.0:F1} MiB, {held / (double)Math.Min(slots, titles.Count):F0} bytes per slot filled (the slot array included)"));
}

void Index(NameWordsCache? nameWords)
{
    var folder = Path.Combine(Path.GetTempPath(), "record-indexing-" + Guid.NewGuid().ToString("N"));
    using var directory = FSDirectory.Open(folder);
    using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.Version, analysis.Indexing)
    {
        OpenMode = OpenMode.CREATE,
        RAMBufferSizeMB = settings.RamBufferSizeMb,
    });
    using var builder = new LuceneDocumentBuilder(nameWords);
    foreach (var document in documents)
    {
        writer.AddDocument(builder.Build(document));
    }

    if (merge)
    {
        // As an import of at least EmbeddedIndexSettings.MergeAfterBulkOf documents ends.
        writer.ForceMerge(1);
    }

    writer.Commit();
    writer.Dispose();
    System.IO.Directory.Delete(folder, recursive: true);
}

// STAGES=index,analyse runs only those (e.g. under a profiler).
if (Environment.GetEnvironmentVariable("STAGES") is { Length: > 0 } only)
{
    stages = stages.Where(s => only.Split(',').Contains(s.Name)).ToArray();
}

var best = stages.ToDictionary(s => s.Name, _ => double.MaxValue);
var fieldsBest = new Dictionary<string, double>(StringComparer.Ordinal);
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, run) in stages)
    {
        GC.Collect();
        // Process CPU, not the thread's: garbage collection may run on threads of its own (server GC).
        var start = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        run();
        var spent = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - start;
        if (spent < best[name])
        {
            best[name] = spent;
            if (name == "analyse")
            {
                fieldsBest = new Dictionary<string, double>(byField, StringComparer.Ordinal);
            }
        }
    }
}

Console.WriteLine("| stage | CPU ms | µs per record | records per CPU second |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (name, _) in stages)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {best[name]:F0} | {best[name] * 1000 / records.Count:F1} | {records.Count / (best[name] / 1000):F0} |"));
}

foreach (var (field, ms) in fieldsBest.OrderByDescending(f => f.Value))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"|   analyse {field} | {ms:F0} | {ms * 1000 / records.Count:F1} | |"));
}
