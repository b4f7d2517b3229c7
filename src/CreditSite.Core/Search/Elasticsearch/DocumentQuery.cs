using System.Globalization;
using CreditSite.Domain;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace CreditSite.Search.Elasticsearch;

/// <summary>Translates the search contract's <see cref="SearchRequest"/> into an Elasticsearch search. Text a person
/// typed only ever becomes the <c>query</c> string of match-family queries or the value of a term query, which
/// Elasticsearch analyses as plain text: no query_string or simple_query_string, so no syntax to escape.</summary>
internal static class DocumentQuery
{
    public const int SnippetLength = 120;
    public const int MaxPageSize = 1000;

    /// <summary>Facet dimension → indexed keyword field, and how many values to count.</summary>
    public static readonly IReadOnlyList<(string Dimension, string Field, int Size)> Facets =
    [
        ("type", "type", 10),
        ("list_kind", "list_kind", 10),
        ("field", "field", 100),
        ("department", "issuing_department", 100),
        ("subject_type", "subject_type", 10),
    ];

    /// <summary>Fields a text query looks in, with their weights: names count most.</summary>
    private static readonly string[] WordFields = ["title^3", "subject_name^3", "body", "legal_basis"];

    private static readonly string[] BigramFields =
    [
        "title.bigram^2", "subject_name.bigram^2", "body.bigram", "legal_basis.bigram",
        "issuing_department.text^0.5", "field.text^0.5", "category.text", "decision_number.text",
    ];

    public static (int From, int Size) Window(SearchRequest request, int maxResultWindow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var from = (long)(page - 1) * size;
        // Beyond the window Elasticsearch would refuse the search: ask for totals and facets only.
        return from + size > maxResultWindow ? (0, 0) : ((int)from, size);
    }

    public static EsSearchRequest Build(SearchRequest request, string index, int maxResultWindow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, size) = Window(request, maxResultWindow);
        var text = request.Identifier is null && !string.IsNullOrWhiteSpace(request.Text) ? request.Text.Trim() : null;

        var search = new EsSearchRequest(index)
        {
            Query = new BoolQuery
            {
                Must = text is null ? [new MatchAllQuery()] : [TextQuery(text)],
                Filter = Filters(request),
            },
            From = from,
            Size = size,
            TrackTotalHits = new TrackHits(true),
            Sort = Sort(request.Sort),
            // Half an answer from a red cluster would show a subject as clean when its black-list shard is missing.
            AllowPartialSearchResults = false,
        };

        if (text is not null && size > 0)
        {
            search.Highlight = Highlight();
        }

        if (request.WithFacets)
        {
            search.Aggregations = Facets.ToDictionary(
                f => f.Dimension,
                f => (Aggregation)new TermsAggregation
                {
                    Field = f.Field,
                    Size = f.Size,
                    Order = [new KeyValuePair<Field, SortOrder>("_count", SortOrder.Desc), new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
                });
        }

        return search;
    }

    /// <summary>Any meaningful part of a name: every word (SmartCn) or every bigram must be found, in any of the
    /// fields; an exact phrase in the title and an exact decision number rank first.</summary>
    private static Query TextQuery(string text) => new BoolQuery
    {
        Should =
        [
            new MultiMatchQuery { Query = text, Fields = WordFields, Type = TextQueryType.CrossFields, Operator = Operator.And },
            new MultiMatchQuery { Query = text, Fields = BigramFields, Type = TextQueryType.CrossFields, Operator = Operator.And },
            new MatchPhraseQuery { Field = "title.bigram", Query = text, Boost = 3 },
            new TermQuery { Field = "decision_number", Value = text, Boost = 10 },
        ],
        MinimumShouldMatch = 1,
    };

    private static List<Query> Filters(SearchRequest request)
    {
        var filters = new List<Query> { Visibility(request.Today) };
        if (request.Identifier is { } identifier)
        {
            // Exact match on the identifier: the USCC itself, or the keyed hash of a resident ID (never the number).
            if (identifier.Uscc is not null)
            {
                filters.Add(Term("uscc", identifier.Uscc));
            }

            if (identifier.ResidentIdHash is not null)
            {
                filters.Add(Term("resident_id_hash", identifier.ResidentIdHash));
            }

            if (identifier.Uscc is null && identifier.ResidentIdHash is null)
            {
                filters.Add(new MatchNoneQuery());
            }
        }

        if (request.Types.Count > 0)
        {
            filters.Add(new TermsQuery
            {
                Field = "type",
                Terms = new TermsQueryField(request.Types.Distinct().Select(t => FieldValue.String(DocumentTypes.Code(t))).ToList()),
            });
        }

        if (request.ListKind is { } kind)
        {
            filters.Add(Term("list_kind", kind.Code()));
        }

        if (!string.IsNullOrWhiteSpace(request.Field))
        {
            filters.Add(Term("field", request.Field.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(request.IssuingDepartment))
        {
            filters.Add(Term("issuing_department", request.IssuingDepartment.Trim()));
        }

        if (request.SubjectType is { } subjectType)
        {
            filters.Add(Term("subject_type", subjectType.Code()));
        }

        if (!string.IsNullOrWhiteSpace(request.SubjectKey))
        {
            filters.Add(Term("subject_key", request.SubjectKey));
        }

        if (request.DecidedFrom is not null || request.DecidedTo is not null)
        {
            filters.Add(new DateRangeQuery
            {
                Field = "date",
                Gte = request.DecidedFrom is { } from ? DateMath.Anchored(Iso(from)) : null,
                Lte = request.DecidedTo is { } to ? DateMath.Anchored(Iso(to)) : null,
                Format = "strict_date",
            });
        }

        return filters;
    }

    /// <summary>Content is always public; a list entry only while <c>public_until</c> has not passed on the request's
    /// day and it is neither exited nor repaired. Evaluated per query, so entries leave view without a re-index.</summary>
    public static Query Visibility(DateOnly today) => new BoolQuery
    {
        Should =
        [
            new BoolQuery { MustNot = [Term("type", DocumentTypes.Code(DocumentType.ListEntry))] },
            new BoolQuery
            {
                Filter =
                [
                    new DateRangeQuery { Field = "public_until", Gte = DateMath.Anchored(Iso(today)), Format = "strict_date" },
                    new TermsQuery
                    {
                        Field = "status",
                        Terms = new TermsQueryField([FieldValue.String(EntryStatus.Active.Code()), FieldValue.String(EntryStatus.UnderObjection.Code())]),
                    },
                ],
            },
        ],
        MinimumShouldMatch = 1,
    };

    private static List<SortOptions> Sort(SearchSort sort)
    {
        var score = new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } };
        var newest = new SortOptions { Field = new FieldSort { Field = "date", Order = SortOrder.Desc } };
        // The id breaks ties so paging is stable: a document never shows on two pages.
        var id = new SortOptions { Field = new FieldSort { Field = "id", Order = SortOrder.Asc } };
        return sort == SearchSort.Newest ? [newest, score, id] : [score, newest, id];
    }

    private static Highlight Highlight()
    {
        HighlightField Whole() => new() { NumberOfFragments = 0 };
        HighlightField Snippet(int? noMatch) => new() { FragmentSize = SnippetLength, NumberOfFragments = 1, NoMatchSize = noMatch };
        return new Highlight
        {
            // The html encoder escapes the document text, so the only markup in a fragment is our own <mark>.
            Encoder = HighlighterEncoder.Html,
            PreTags = ["<mark>"],
            PostTags = ["</mark>"],
            Fields =
            [
                new("title", Whole()),
                new("title.bigram", Whole()),
                new("body", Snippet(SnippetLength)),
                new("body.bigram", Snippet(null)),
            ],
        };
    }

    private static TermQuery Term(string field, string value) => new() { Field = field, Value = value };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
