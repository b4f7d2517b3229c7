using CreditSite.Domain;

namespace CreditSite.Search;

/// <summary>The kinds of document one query searches together.</summary>
public enum DocumentType
{
    ListEntry,
    RoleModel,
    Policy,
    Announcement,

    /// <summary>行政许可 (a <see cref="PublicRecord"/>).</summary>
    Licence,

    /// <summary>行政处罚.</summary>
    Penalty,

    /// <summary>信用承诺.</summary>
    Commitment,

    /// <summary>基础信息: an organisation's registry record (its name and former names find the subject).</summary>
    Subject,
}

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>One document in the search index: a projection of a list entry, a public record or a registry record from
/// the store, or of a content page.
/// Holds no full resident ID number, only its keyed hash and masked form.</summary>
public sealed record SearchDocument
{
    /// <summary>Unique across types, e.g. <c>entry:JS-2024-000123</c>, <c>policy:task-division-notice-2019</c>.</summary>
    public required string Id { get; init; }

    public required DocumentType Type { get; init; }

    public required string Title { get; init; }

    /// <summary>Plain text searched and shown in snippets.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Site-relative link, e.g. <c>/subjects/91320402…</c> or <c>/policies/slug</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Decision date for entries, publication date for content; used by the "newest" sort.</summary>
    public DateOnly Date { get; init; }

    // List-entry and public-record fields (null for content documents). Public records use the same fields where the
    // meaning is the same: EntryId is the record id, IssuingDepartment the deciding department, Summary the content.
    public string? EntryId { get; init; }
    public ListKind? ListKind { get; init; }
    public SubjectType? SubjectType { get; init; }
    public string? SubjectName { get; init; }
    public string? SubjectKey { get; init; }
    public string? Uscc { get; init; }
    public string? ResidentIdHash { get; init; }
    public string? MaskedIdNumber { get; init; }
    public string? Field { get; init; }
    public string? IssuingDepartment { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly? PublicUntil { get; init; }
    public Severity? Severity { get; init; }
    public EntryStatus? Status { get; init; }
    public string? LegalBasis { get; init; }

    /// <summary>List entries: the decision's summary as imported, shown on subject pages (<see cref="Body"/> also holds
    /// the legal basis, decision number, department and field for searching).</summary>
    public string? Summary { get; init; }

    /// <summary>Role models: the honour category (e.g. 守合同重信用企业). Licences: 许可类别. Commitments: 承诺类型.</summary>
    public string? Category { get; init; }

    /// <summary>Public records: the record's own status (licences: valid, revoked …), shown beside it.</summary>
    public RecordStatus? RecordStatus { get; init; }

    /// <summary>Public records: its status (or the catalogue) takes it out of public view whatever the day (a repaired
    /// or revoked penalty, a withdrawn commitment, an expired licence, an unpublished simplified-procedure penalty).
    /// Engines never return a withdrawn document.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>Penalties: 处罚类别.</summary>
    public IReadOnlyList<string>? PenaltyTypes { get; init; }

    /// <summary>Registry records: 曾用名; searched like the name.</summary>
    public IReadOnlyList<string>? FormerNames { get; init; }
}

/// <summary>What the identifier in a query resolved to; set by the caller after parsing the text.</summary>
public sealed record IdentifierFilter(string? Uscc, string? ResidentIdHash);

public sealed record SearchRequest
{
    /// <summary>Free text typed by a person; treated as plain characters, never as query syntax.</summary>
    public string? Text { get; init; }

    /// <summary>When set, only documents about this subject (exact match); <see cref="Text"/> is ignored.</summary>
    public IdentifierFilter? Identifier { get; init; }

    /// <summary>Empty means every type.</summary>
    public IReadOnlyCollection<DocumentType> Types { get; init; } = [];

    public ListKind? ListKind { get; init; }
    public string? Field { get; init; }
    public string? IssuingDepartment { get; init; }
    public SubjectType? SubjectType { get; init; }
    public string? SubjectKey { get; init; }
    public DateOnly? DecidedFrom { get; init; }
    public DateOnly? DecidedTo { get; init; }

    /// <summary>许可类别 of licences, 承诺类型 of commitments, honour category of role models (exact).</summary>
    public string? Category { get; init; }

    /// <summary>Penalties with this 处罚类别 among theirs (exact).</summary>
    public string? PenaltyType { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>The request's "today" (from <see cref="TimeProvider"/>): list entries and records whose <c>PublicUntil</c>
    /// is before it, list entries exited or repaired, and withdrawn records are never returned.</summary>
    public required DateOnly Today { get; init; }

    public bool WithFacets { get; init; } = true;

    /// <summary>One row per subject (the one-stop query): the documents about one subject (same
    /// <see cref="SearchDocument.SubjectKey"/>) collapse into one hit whose <see cref="SearchHit.Subject"/> is set and
    /// whose <see cref="SearchHit.Document"/> is the subject's best-matching document (its snippet shows why it matched);
    /// a document without a subject (policy, announcement, role model without one) is its own row. Paging,
    /// <see cref="SearchResults.Total"/> and facets then count rows, not documents: a subject counts once for each facet
    /// value among its matching documents.</summary>
    public bool GroupBySubject { get; init; }
}

public sealed record FacetValue(string Value, long Count);

/// <summary>Facet counts by dimension: <c>type</c>, <c>list_kind</c>, <c>field</c>, <c>department</c>, <c>subject_type</c>,
/// <c>category</c>, <c>penalty_type</c>.
/// Values use the wire codes (<see cref="DomainText"/>) for enums and the Chinese names for fields and departments.</summary>
public sealed record SearchFacets(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> ByDimension)
{
    public static readonly SearchFacets Empty = new(new Dictionary<string, IReadOnlyList<FacetValue>>());

    public IReadOnlyList<FacetValue> this[string dimension] =>
        ByDimension.TryGetValue(dimension, out var values) ? values : [];
}

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text whose only markup
/// is <c>&lt;mark&gt;</c> around matched terms: safe to render raw.</summary>
public sealed record SearchHit(SearchDocument Document, double Score, string TitleHtml, string SnippetHtml)
{
    /// <summary>Set on grouped searches (<see cref="SearchRequest.GroupBySubject"/>) for a hit that stands for a subject.</summary>
    public SubjectSummary? Subject { get; init; }
}

/// <summary>A subject as one row of the one-stop query: who it is, what is public about it today (all its visible
/// documents, not only those that matched) and how many of its documents matched.</summary>
public sealed record SubjectSummary
{
    public required string SubjectKey { get; init; }

    /// <summary>The current name: the registry record's (基础信息) when there is one, otherwise the newest document's.</summary>
    public required string Name { get; init; }

    public SubjectType? SubjectType { get; init; }
    public string? Uscc { get; init; }
    public string? MaskedIdNumber { get; init; }

    /// <summary>曾用名 from the registry record (the caller says which one the query matched).</summary>
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    /// <summary>Visible documents about the subject today, by type (types with none are absent).</summary>
    public required IReadOnlyDictionary<DocumentType, int> Counts { get; init; }

    /// <summary>The lists the subject is on today (红名单, 黑名单).</summary>
    public IReadOnlyList<ListKind> Lists { get; init; } = [];

    /// <summary>The statuses that matter among its visible list entries (异议处理中 …), beyond plain 有效.</summary>
    public IReadOnlyList<EntryStatus> Statuses { get; init; } = [];

    /// <summary>How many of its documents matched the query.</summary>
    public int MatchedDocuments { get; init; }
}

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets, int Page, int PageSize)
{
    /// <summary>True when counting stopped at a bound: there are at least <see cref="Total"/> rows (shown as "10,000+").</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>True when a very broad query was ranked, counted and faceted over a sample of its matches spread over the
    /// index (the embedded engine, <c>Search:Embedded:SampleAbove</c>): <see cref="Total"/>, the facet counts and each
    /// row's <see cref="SubjectSummary.MatchedDocuments"/> are then lower bounds, and the rows are the best of the
    /// sample. <see cref="TotalIsLowerBound"/> is true as well.</summary>
    public bool CountedFromSample { get; init; }

    public int PageCount => PageSize <= 0 ? 0 : (int)Math.Min(int.MaxValue, (Total + PageSize - 1) / PageSize);
}

public enum EngineHealth
{
    Healthy,
    Degraded,
    Unavailable,
}

/// <summary>The search contract. Two engines implement it: the embedded Lucene index (default) and Elasticsearch.</summary>
public interface ISearchEngine
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces documents by <see cref="SearchDocument.Id"/>; visible to searches when it returns.</summary>
    Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a stream of documents as one bulk write (an import of many entries); visible to searches
    /// when it returns. The embedded engine writes the whole stream in one writer session, all or nothing. The default
    /// (Elasticsearch) writes batches through <see cref="UpsertAsync"/>, so a failure can leave earlier batches written;
    /// callers retry the whole stream (the import's checkpoint does not move), and upserts are idempotent.</summary>
    async Task<long> UpsertAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        const int BatchSize = 1000;
        long count = 0;
        var batch = new List<SearchDocument>(BatchSize);
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            batch.Add(document);
            if (batch.Count == BatchSize)
            {
                await UpsertAsync(batch, cancellationToken);
                count += batch.Count;
                progress?.Report(count);
                batch = new List<SearchDocument>(BatchSize);
            }
        }

        await UpsertAsync(batch, cancellationToken);
        count += batch.Count;
        progress?.Report(count);
        return count;
    }

    Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Builds a fresh index from <paramref name="documents"/> and swaps it in atomically: searches see the
    /// old index until the new one is complete.</summary>
    Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    Task<EngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}

/// <summary>Thrown by an engine when its backend cannot answer (cluster down, timeout, circuit open).
/// The web layer turns it into a 503 with a Chinese message and <c>Retry-After</c>.</summary>
public sealed class SearchUnavailableException : Exception
{
    public SearchUnavailableException() : base("搜索服务暂时不可用。") { }

    public SearchUnavailableException(string message) : base(message) { }

    public SearchUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
