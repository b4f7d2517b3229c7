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
}
