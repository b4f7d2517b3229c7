namespace CreditSite.Search;

/// <summary>One document the search backend refused, named by the list entry's <c>entry_id</c> when it has one.</summary>
public sealed record RejectedDocument(string Id, string? EntryId, string Reason)
{
    /// <summary>How an operator finds the row: the source platform's entry id, else the document id.</summary>
    public string Name => EntryId ?? Id;
}

/// <summary>Thrown when the search backend refuses documents: the import fails as a whole and the report lists every
/// refused document with the backend's reason.</summary>
public sealed class SearchIndexingException : Exception
{
    public SearchIndexingException()
        : this([])
    {
    }

    public SearchIndexingException(string message)
        : base(message)
    {
        Rejected = [];
    }

    public SearchIndexingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rejected = [];
    }

    public SearchIndexingException(IReadOnlyList<RejectedDocument> rejected)
        : base(Describe(rejected))
    {
        Rejected = rejected;
    }

    public IReadOnlyList<RejectedDocument> Rejected { get; }

    private static string Describe(IReadOnlyList<RejectedDocument> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        const int Shown = 20;
        var lines = rejected.Take(Shown).Select(r => $"  {r.Name}：{r.Reason}");
        var more = rejected.Count > Shown ? $"{Environment.NewLine}  ……另有 {rejected.Count - Shown} 条" : string.Empty;
        return $"搜索索引拒绝了 {rejected.Count} 条文档，本次写入整体失败：{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
