using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The one-stop query by subject (<see cref="SearchRequest.GroupBySubject"/>) in two searches. The first is the
/// page: the request's query with <c>collapse</c> on <see cref="DocumentIndex.GroupKeyField"/> (each row's hit is its
/// best document by the request's sort), the number of rows as a <c>cardinality</c> of the group key, and facets as
/// <c>terms</c> whose buckets count rows by a <c>cardinality</c> sub-aggregation. The second asks, for the page's
/// subjects only, what is in view about each today (<see cref="Summaries"/>).</summary>
internal static class SubjectQuery
{
    /// <summary>The cardinality aggregation counting rows, at the top level and inside each facet bucket.</summary>
    public const string RowsAggregation = "rows";

    /// <summary>Elasticsearch's largest <c>precision_threshold</c>: below it the row count is exact in practice (a hash
    /// set of the keys), above it HyperLogLog++ estimates. A grouped total beyond it is reported as at least this many
    /// (<see cref="SearchResults.TotalIsLowerBound"/>).</summary>
    public const int CountedRows = 40_000;

    /// <summary>Facet buckets count rows with the default threshold: about c × 8 bytes per bucket, and a page has a few
    /// hundred buckets; a value held by more subjects than this is counted approximately (within a few per cent).</summary>
    public const int FacetPrecision = 3_000;

    public const string SubjectsAggregation = "subjects";
    public const string TypesAggregation = "types";
    public const string MatchedAggregation = "matched";
    public const string EntriesAggregation = "entries";
    public const string ListsAggregation = "lists";
    public const string StatusesAggregation = "statuses";
    public const string RegistryAggregation = "registry";
    public const string RecordAggregation = "record";
    public const string NewestAggregation = "newest";

    /// <summary>What a summary reads of the registry record and of the newest document: who the subject is.</summary>
    private static readonly string[] IdentityFields =
        ["id", "type", "title", "url", "date", "subject_name", "subject_type", "subject_key", "uscc", "masked_id_number", "former_names"];

    /// <summary>Turns the page search built by <see cref="DocumentQuery.Build"/> into a grouped one.</summary>
    public static void Group(EsSearchRequest search, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(request);
        if (search.Size > 0)
        {
            search.Collapse = new FieldCollapse { Field = DocumentIndex.GroupKeyField };
        }

        // hits.total would count documents, not rows: the rows come from the cardinality aggregation instead.
        search.TrackTotalHits = new TrackHits(false);
        var aggregations = new Dictionary<string, Aggregation>
        {
            [RowsAggregation] = Rows(CountedRows),
        };
        if (request.WithFacets)
        {
            foreach (var (dimension, field, size) in DocumentQuery.Facets)
            {
                aggregations[dimension] = new Aggregation
                {
                    Terms = new TermsAggregation
                    {
                        Field = field,
                        Size = size,
                        Order = [new KeyValuePair<Field, SortOrder>(RowsAggregation, SortOrder.Desc), new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
                    },
                    // A subject counts once in each value's bucket, however many of its documents hold the value.
                    Aggregations = new Dictionary<string, Aggregation> { [RowsAggregation] = Rows(FacetPrecision) },
                };
            }
        }

        search.Aggregations = aggregations;
    }

    /// <summary>For each subject on the page, over all its documents in view today (not only those that matched):
    /// counts by type, the lists and statuses of its list entries, how many matched the request, its registry record
    /// and its newest document (name, identifiers).</summary>
    public static EsSearchRequest Summaries(SearchRequest request, IReadOnlyCollection<string> subjectKeys, string index)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subjectKeys);
        SourceConfig identity = new SourceFilter { Includes = IdentityFields };
        return new EsSearchRequest(index)
        {
            Size = 0,
            TrackTotalHits = new TrackHits(false),
            AllowPartialSearchResults = false,
            Query = new BoolQuery
            {
                Filter =
                [
                    DocumentQuery.Visibility(request.Today),
                    new TermsQuery { Field = "subject_key", Terms = new TermsQueryField(subjectKeys.Select(FieldValue.String).ToList()) },
                ],
            },
            Aggregations = new Dictionary<string, Aggregation>
            {
                [SubjectsAggregation] = new Aggregation
                {
                    // One bucket per key: the query holds only these keys, so every shard returns all of them.
                    Terms = new TermsAggregation { Field = "subject_key", Size = subjectKeys.Count },
                    Aggregations = new Dictionary<string, Aggregation>
                    {
                        [TypesAggregation] = new TermsAggregation { Field = "type", Size = Enum.GetValues<DocumentType>().Length },
                        [MatchedAggregation] = new Aggregation { Filter = DocumentQuery.Matching(request) },
                        [EntriesAggregation] = new Aggregation
                        {
                            Filter = TypeIs(DocumentType.ListEntry),
                            Aggregations = new Dictionary<string, Aggregation>
                            {
                                [ListsAggregation] = new TermsAggregation { Field = "list_kind", Size = 10 },
                                [StatusesAggregation] = new TermsAggregation { Field = "status", Size = 10 },
                            },
                        },
                        [RegistryAggregation] = new Aggregation
                        {
                            Filter = TypeIs(DocumentType.Subject),
                            Aggregations = new Dictionary<string, Aggregation>
                            {
                                [RecordAggregation] = new TopHitsAggregation { Size = 1, Source = identity },
                            },
                        },
                        [NewestAggregation] = new TopHitsAggregation { Size = 1, Sort = DocumentQuery.Sort(SearchSort.Newest), Source = identity },
                    },
                },
            },
        };
    }

    private static CardinalityAggregation Rows(int precision) => new()
    {
        Field = DocumentIndex.GroupKeyField,
        PrecisionThreshold = precision,
    };

    private static TermQuery TypeIs(DocumentType type) => new() { Field = "type", Value = DocumentTypeText.Code(type) };
}
