namespace CreditSite.Search;

public enum SearchEngineKind
{
    Embedded,
    Elasticsearch,
}

/// <summary><c>Search</c> section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    public SearchEngineKind Engine { get; set; } = SearchEngineKind.Embedded;

    /// <summary><c>Search:Embedded</c>: tuning of the embedded engine.</summary>
    public EmbeddedSearchOptions Embedded { get; set; } = new();
}

/// <summary><c>Search:Embedded</c>.</summary>
public sealed class EmbeddedSearchOptions
{
    /// <summary>Answers kept per index snapshot; 0 turns the result cache off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1_000_000, ErrorMessage = "Search:Embedded:ResultCacheEntries 应在 0 到 1000000 之间。")]
    public int ResultCacheEntries { get; set; } = 8192;

    /// <summary>Upper bound of the cached answers' estimated size, in MiB.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 65_536, ErrorMessage = "Search:Embedded:ResultCacheMegabytes 应在 1 到 65536 之间。")]
    public int ResultCacheMegabytes { get; set; } = 256;

    /// <summary>A text query ranked by relevance whose terms occur in more documents than this is answered from a sample
    /// of this many of its matches, spread over the whole index (see <see cref="Embedded.EmbeddedIndexSettings.SampleAbove"/>).</summary>
    [System.ComponentModel.DataAnnotations.Range(100, 100_000_000, ErrorMessage = "Search:Embedded:SampleAbove 应在 100 到 100000000 之间。")]
    public int SampleAbove { get; set; } = Embedded.EmbeddedIndexSettings.DefaultSampleAbove;
}
