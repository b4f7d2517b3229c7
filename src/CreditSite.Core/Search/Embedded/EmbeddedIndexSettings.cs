namespace CreditSite.Search.Embedded;

/// <summary>Tuning of the embedded engine; the defaults suit the site and the CLI.</summary>
public sealed record EmbeddedIndexSettings
{
    /// <summary>How often a search checks whether another process changed the index.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a write waits for the index write lock held by another writer (an import or a rebuild in the
    /// other process) before giving up with <see cref="SearchUnavailableException"/>.</summary>
    public TimeSpan WriteLockWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Indexing buffer before Lucene flushes a segment; larger means faster bulk loads.</summary>
    public double RamBufferSizeMb { get; init; } = 128;

    /// <summary>A bulk write (<see cref="EmbeddedSearchEngine.UpsertAllAsync"/>, a rebuild) of at least this many
    /// documents that makes up at least half of the index ends with a merge into one segment: searching one segment
    /// costs about half of searching the dozen a bulk load leaves (measured with bench/SearchProfile).</summary>
    public int MergeAfterBulkOf { get; init; } = 50_000;

    /// <summary>Answers kept per index snapshot (0 turns the cache off). The cache is replaced whenever the index
    /// changes, so it never serves a stale answer. See <see cref="ResultCache"/>.</summary>
    public int ResultCacheEntries { get; init; } = 8192;

    /// <summary>Upper bound of the cached answers' estimated size.</summary>
    public int ResultCacheMegabytes { get; init; } = 256;

    public const int DefaultSampleAbove = 50_000;

    /// <summary>A text query ranked by relevance whose scorers would step through more postings than this
    /// (<see cref="EmbeddedQuery.EstimatedPostings"/>) is answered from the matches in evenly spread slices of the index
    /// that hold about this many postings (<see cref="MatchSample"/>): rows, total, facets and matched counts then come
    /// from the sample and are lower bounds (<see cref="SearchResults.CountedFromSample"/>). Every match of 常州 or
    /// 有限公司 at 5M records costs a quarter to half a second of CPU; a sample of 50,000 postings 5–15 ms (docs/benchmarks.md).</summary>
    public int SampleAbove { get; init; } = DefaultSampleAbove;
}
