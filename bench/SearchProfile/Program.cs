using System.Diagnostics;
using System.Globalization;
using System.Web;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Bench.SearchProfile;
using CreditSite.Search.Embedded;

// The embedded engine's cost per query, without HTTP, over the index a bench/search/run.sh run left behind; the result
// cache is off, so every query searches. Shows the slowest queries and the time by number of matches.
// Usage: dotnet run -c Release --project bench/SearchProfile -- <dataPath> <queries.txt> [rounds]   (FACETS=0: no facets;
// GROUP=1: one row per subject, as the one-stop query asks; SAMPLE_ABOVE=n: see below; CPU=1: thread CPU time; THREADS=n: n searches at once)
// Each line of queries.txt is a query string as bench/search/run.sh and records.sh send it (q=…&type=…&kind=…&field=…
// &department=…&category=…&penalty_type=…&subject_type=…&sort=newest&page=…); a line without q browses, newest first.
// dotnet run -c Release --project bench/SearchProfile -- generate <dataPath> <records> <queries.txt> writes a mixed index
// of records (MixedIndex) and a rotation of queries over it.
if (args[0] == "generate")
{
    await CreditSite.Bench.SearchProfile.MixedIndex.GenerateAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
    return;
}

var dataPath = args[0];
var lines = File.ReadAllLines(args[1]).Where(l => l.Length > 0).ToList();
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var withFacets = Environment.GetEnvironmentVariable("FACETS") != "0";
var bySubject = Environment.GetEnvironmentVariable("GROUP") == "1";
// CPU=1: the searching thread's CPU time instead of wall time (a loaded, shared machine makes wall time mostly waiting).
var cpuTime = Environment.GetEnvironmentVariable("CPU") == "1";
// THREADS=n: n threads search at once, each its share of the queries (as the site does under load: peak memory then
// includes what each thread keeps between searches).
var threads = int.TryParse(Environment.GetEnvironmentVariable("THREADS"), out var n) && n > 1 ? n : 1;
var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

var requests = lines.Select(line =>
{
    var query = HttpUtility.ParseQueryString(line);
    var q = query["q"] ?? string.Empty;
    var code = UnifiedSocialCreditCode.Parse(q);
    // As the site reads them (SearchParameters): a comma list of types; a browse without text is newest first.
    var types = (query["type"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(t => DocumentTypeText.TryParseDocumentType(t, out var type) ? type : throw new FormatException("type=" + t))
        .ToArray();
    return (Line: line, Request: new SearchRequest
    {
        Text = code.IsValid ? null : q,
        Identifier = code.IsValid ? new IdentifierFilter(code.Value!.Value.Value, null) : null,
        Types = types,
        ListKind = query["kind"] == "black" ? ListKind.Black : query["kind"] == "red" ? ListKind.Red : null,
        Field = query["field"],
        IssuingDepartment = query["department"],
        Category = query["category"],
        PenaltyType = query["penalty_type"],
        SubjectType = DomainText.TryParseSubjectType(query["subject_type"], out var subjectType) ? subjectType : null,
        Sort = query["sort"] == "newest" || (q.Length == 0 && query["sort"] is null) ? SearchSort.Newest : SearchSort.Relevance,
        Page = int.TryParse(query["page"], out var p) ? p : 1,
        PageSize = 20,
        Today = today,
        WithFacets = withFacets,
        GroupBySubject = bySubject,
    });
}).ToList();

// SAMPLE_ABOVE=n: Search:Embedded:SampleAbove (the default otherwise).
var sampleAbove = int.TryParse(Environment.GetEnvironmentVariable("SAMPLE_ABOVE"), out var above) ? above : EmbeddedIndexSettings.DefaultSampleAbove;
using var engine = new EmbeddedSearchEngine(dataPath, settings: new EmbeddedIndexSettings { ResultCacheEntries = 0, SampleAbove = sampleAbove });
Console.WriteLine($"{await engine.CountAsync()} documents, {requests.Count} queries, facets {(withFacets ? "on" : "off")}, {(bySubject ? "by subject" : "by document")}, {(cpuTime ? "thread CPU time" : "wall time")}, {threads} thread(s)");
var times = new double[requests.Count];
var totals = new long[requests.Count];
var lowerBounds = new bool[requests.Count];
var byRound = new double[rounds][];
for (var round = 0; round < rounds; round++)
{
    var all = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
    {
        for (var i = worker; i < requests.Count; i += threads)
        {
            var watch = Stopwatch.StartNew();
            var cpu = cpuTime ? ThreadCpu.Milliseconds() : 0;
            var results = engine.SearchAsync(requests[i].Request).GetAwaiter().GetResult();
            times[i] = cpuTime ? ThreadCpu.Milliseconds() - cpu : watch.Elapsed.TotalMilliseconds;
            totals[i] = results.Total;
            lowerBounds[i] = results.TotalIsLowerBound;
        }
    })).ToList();
    workers.ForEach(w => w.Start());
    workers.ForEach(w => w.Join());

    byRound[round] = (double[])times.Clone();

    var sorted = times.Order().ToArray();
    Console.WriteLine($"  GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F1} s, allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB, heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
    Console.WriteLine($"round {round + 1}: {all.Elapsed.TotalSeconds:F2} s, mean {times.Average():F3} ms, p50 {sorted[sorted.Length / 2]:F3} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:F3}, p99 {sorted[(int)(sorted.Length * 0.99)]:F3} ms, max {sorted[^1]:F1} ms");
}

// Per query, the median over the rounds (a few broad queries in a file of their own read steadier this way).
var medians = Enumerable.Range(0, requests.Count).Select(i => byRound.Select(r => r[i]).Order().ElementAt(rounds / 2)).ToArray();
// A short file (a few broad queries, each repeated) is listed whole.
var listed = requests.Count <= 200 ? requests.Count : 25;
Console.WriteLine($"slowest (median of {rounds} rounds):");
foreach (var i in Enumerable.Range(0, requests.Count).OrderByDescending(i => medians[i]).Take(listed))
{
    Console.WriteLine($"  {medians[i],8:F2} ms  {totals[i],8}{(lowerBounds[i] ? "+" : " ")} hits  {HttpUtility.UrlDecode(requests[i].Line)}");
}

// Peak resident memory of this process (the index is memory-mapped, so its pages read count as well).
var peak = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(':')[1].Trim();
Console.WriteLine($"peak memory (VmHWM): {peak}; managed heap after a full collection {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");

var buckets = new[] { 0L, 100, 1_000, 10_000, 100_000, long.MaxValue };
for (var b = 0; b < buckets.Length - 1; b++)
{
    var idx = Enumerable.Range(0, requests.Count).Where(i => totals[i] >= buckets[b] && totals[i] < buckets[b + 1]).ToList();
    if (idx.Count > 0)
    {
        Console.WriteLine($"hits {buckets[b]}..{buckets[b + 1]}: {idx.Count} queries, mean {idx.Average(i => times[i]):F3} ms, share of time {idx.Sum(i => times[i]) / times.Sum():P0}");
    }
}
