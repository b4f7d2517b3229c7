using System.Text.Json;
using CreditSite.Domain;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The answers to <see cref="SubjectQuery"/>'s two searches as the contract's rows: the number of rows, facets
/// counting rows, and a <see cref="SubjectSummary"/> per subject on the page.</summary>
internal static class SubjectAnswer
{
    /// <summary>The number of rows, and whether it is only a lower bound (beyond <see cref="SubjectQuery.CountedRows"/>).</summary>
    public static (long Total, bool IsLowerBound) Rows(SearchResponse<IndexedDocument> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var rows = response.Aggregations?.GetCardinality(SubjectQuery.RowsAggregation)?.Value ?? 0;
        return rows > SubjectQuery.CountedRows ? (SubjectQuery.CountedRows, true) : (rows, false);
    }

    public static SearchFacets Facets(SearchResponse<IndexedDocument> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var (dimension, _, _) in DocumentQuery.Facets)
        {
            var terms = response.Aggregations?.GetStringTerms(dimension);
            byDimension[dimension] = terms?.Buckets
                .Select(b => new FacetValue(SearchAnswer.KeyOf(b), b.Aggregations?.GetCardinality(SubjectQuery.RowsAggregation)?.Value ?? b.DocCount))
                .ToList() ?? [];
        }

        return new SearchFacets(byDimension);
    }

    /// <summary>The summaries by subject key.</summary>
    public static Dictionary<string, SubjectSummary> Summaries(SearchResponse<IndexedDocument> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var summaries = new Dictionary<string, SubjectSummary>(StringComparer.Ordinal);
        var subjects = response.Aggregations?.GetStringTerms(SubjectQuery.SubjectsAggregation);
        foreach (var bucket in subjects?.Buckets ?? [])
        {
            var key = SearchAnswer.KeyOf(bucket);
            summaries[key] = Summary(key, bucket.Aggregations);
        }

        return summaries;
    }

    /// <summary>A subject whose documents left view between the two searches: what its one matching document says.</summary>
    public static SubjectSummary FromDocument(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new SubjectSummary
        {
            SubjectKey = document.SubjectKey ?? document.Id,
            Name = NameOf(document.SubjectName, document.Title) ?? document.Id,
            SubjectType = document.SubjectType,
            Uscc = document.Uscc,
            MaskedIdNumber = document.MaskedIdNumber,
            FormerNames = document.FormerNames ?? [],
            Counts = new Dictionary<DocumentType, int> { [document.Type] = 1 },
            Lists = document.ListKind is { } kind ? [kind] : [],
            Statuses = document.Status is { } status && status != EntryStatus.Active ? [status] : [],
            MatchedDocuments = 1,
        };
    }

    private static SubjectSummary Summary(string key, AggregateDictionary? aggregations)
    {
        var registry = SourceOf(aggregations?.GetFilter(SubjectQuery.RegistryAggregation)?.Aggregations?.GetTopHits(SubjectQuery.RecordAggregation));
        var newest = SourceOf(aggregations?.GetTopHits(SubjectQuery.NewestAggregation));
        // The registry record names the subject as it is now; without one, the newest document does.
        var who = registry ?? newest;
        var entries = aggregations?.GetFilter(SubjectQuery.EntriesAggregation)?.Aggregations;
        return new SubjectSummary
        {
            SubjectKey = key,
            Name = NameOf(registry?.SubjectName, registry?.Title) ?? NameOf(newest?.SubjectName, newest?.Title) ?? key,
            SubjectType = DomainText.TryParseSubjectType(who?.SubjectType, out var subjectType) ? subjectType : null,
            Uscc = registry?.Uscc ?? newest?.Uscc,
            MaskedIdNumber = registry?.MaskedIdNumber ?? newest?.MaskedIdNumber,
            FormerNames = registry?.FormerNames ?? [],
            Counts = Values(aggregations, SubjectQuery.TypesAggregation)
                .Select(v => (Known: DocumentTypeText.TryParseDocumentType(v.Key, out var type), Type: type, v.Count))
                .Where(v => v.Known)
                .ToDictionary(v => v.Type, v => (int)v.Count),
            Lists = Values(entries, SubjectQuery.ListsAggregation)
                .Select(v => DomainText.TryParseListKind(v.Key, out var kind) ? kind : (ListKind?)null)
                .OfType<ListKind>().Order().ToList(),
            Statuses = Values(entries, SubjectQuery.StatusesAggregation)
                .Select(v => DomainText.TryParseStatus(v.Key, out var status) ? status : (EntryStatus?)null)
                .OfType<EntryStatus>().Where(s => s != EntryStatus.Active).Order().ToList(),
            MatchedDocuments = (int)(aggregations?.GetFilter(SubjectQuery.MatchedAggregation)?.DocCount ?? 0),
        };
    }

    private static IEnumerable<(string Key, long Count)> Values(AggregateDictionary? aggregations, string name) =>
        aggregations?.GetStringTerms(name)?.Buckets.Select(b => (SearchAnswer.KeyOf(b), b.DocCount)) ?? [];

    private static string? NameOf(string? subjectName, string? title) =>
        !string.IsNullOrWhiteSpace(subjectName) ? subjectName : !string.IsNullOrWhiteSpace(title) ? title : null;

    /// <summary>A top hit's <c>_source</c>; the client hands untyped sources over as JSON.</summary>
    private static IndexedDocument? SourceOf(TopHitsAggregate? top)
    {
        var source = top?.Hits.Hits.FirstOrDefault()?.Source;
        return source switch
        {
            null => null,
            JsonElement json => json.Deserialize<IndexedDocument>(),
            _ => JsonSerializer.SerializeToElement(source).Deserialize<IndexedDocument>(),
        };
    }
}
