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
}
