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
    public const int MaxPageSize = 100;

    /// <summary>Highlighting reads at most this much of a field, so one huge body cannot fail a search.</summary>
    public const int MaxHighlightedLength = 100_000;

    /// <summary>Facet dimension → indexed keyword field, and how many values to count.</summary>
    public static readonly IReadOnlyList<(string Dimension, string Field, int Size)> Facets =
    [
        ("type", "type", 10),
        ("list_kind", "list_kind", 10),
        ("field", "field", 100),
        ("department", "issuing_department", 100),
        ("subject_type", "subject_type", 10),
        ("category", "category", 100),
        // A document counts once in each of its 处罚类别 buckets (terms aggregations count documents per value).
        ("penalty_type", "penalty_types", 50),
    ];

    /// <summary>The public-record types: in view while their period lasts and their status allows it.</summary>
    private static readonly DocumentType[] RecordTypes = [DocumentType.Licence, DocumentType.Penalty, DocumentType.Commitment];

    public static int PageOf(SearchRequest request) => Math.Max(1, request.Page);

    public static int PageSizeOf(SearchRequest request) => Math.Clamp(request.PageSize, 1, MaxPageSize);

    public static (int From, int Size) Window(SearchRequest request, int maxResultWindow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var size = PageSizeOf(request);
        var page = PageOf(request);
        var from = (long)(page - 1) * size;
        // Beyond the window Elasticsearch would refuse the search: ask for totals and facets only.
        return from + size > maxResultWindow ? (0, 0) : ((int)from, size);
    }

    public static EsSearchRequest Build(SearchRequest request, string index, int maxResultWindow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, size) = Window(request, maxResultWindow);
        var text = TextOf(request);

        var search = new EsSearchRequest(index)
        {
            Query = Matching(request),
            From = from,
            Size = size,
            TrackTotalHits = new TrackHits(true),
            Sort = Sort(request.Sort),
            // Half an answer from a red cluster would show a subject as clean when its black-list shard is missing.
            AllowPartialSearchResults = false,
        };

        if (text is not null && size > 0)
        {
            search.Highlight = Highlight(text);
        }

        if (request.GroupBySubject)
        {
            SubjectQuery.Group(search, request);
        }
        else if (request.WithFacets)
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

    /// <summary>The cleaned text, or null when the request browses or searches by identifier.</summary>
    private static string? TextOf(SearchRequest request) => request.Identifier is null ? QueryText.Clean(request.Text) : null;

    /// <summary>Which documents the request matches: its text (or everything) within its filters and today's
    /// visibility.</summary>
    public static Query Matching(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = TextOf(request);
        return new BoolQuery
        {
            Must = text is null ? [new MatchAllQuery()] : [TextQuery(text)],
            Filter = Filters(request),
        };
    }

    /// <summary>Any meaningful part of a name: every bigram (and lone character, Latin word or number) of the text must
    /// occur somewhere in the document, so "恒达" finds 恒达建材 but not 达信物流. Names score above bodies: the text as a
    /// phrase in a name first, then name bigrams and SmartCn words, then a phrase anywhere. The text as an exact decision
    /// number or entry id ranks first of all.</summary>
    private static Query TextQuery(string text) => new BoolQuery
    {
        Should =
        [
            new BoolQuery
            {
                Must = [new MatchQuery { Field = DocumentIndex.AllGramsField, Query = text, Operator = Operator.And }],
                Should =
                [
                    new MatchPhraseQuery { Field = DocumentIndex.NameGramsField, Query = text, Boost = 8 },
                    new MatchQuery { Field = DocumentIndex.NameGramsField, Query = text, Boost = 3 },
                    new MatchQuery { Field = DocumentIndex.NameWordsField, Query = text, Boost = 2 },
                    new MatchPhraseQuery { Field = DocumentIndex.AllGramsField, Query = text, Boost = 2 },
                ],
            },
            new TermQuery { Field = "decision_number", Value = text, Boost = 20 },
            new TermQuery { Field = "entry_id", Value = text, Boost = 20 },
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
            filters.Add(Types(request.Types));
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

        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            filters.Add(Term("category", request.Category.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(request.PenaltyType))
        {
            filters.Add(Term("penalty_types", request.PenaltyType.Trim()));
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

    /// <summary>What the public may see on the request's day, evaluated per query so documents leave view without a
    /// re-index: content and registry records always; a list entry while <c>public_until</c> has not passed and it is
    /// active or under objection; a public record while its <c>public_until</c> (if any) has not passed; and never a
    /// document marked <c>withdrawn</c> (a record whose status or the catalogue takes it out of view).</summary>
    public static Query Visibility(DateOnly today) => new BoolQuery
    {
        Should =
        [
            new BoolQuery { MustNot = [Types([DocumentType.ListEntry, .. RecordTypes])] },
            new BoolQuery
            {
                Filter =
                [
                    Term("type", DocumentTypeText.Code(DocumentType.ListEntry)),
                    new DateRangeQuery { Field = "public_until", Gte = DateMath.Anchored(Iso(today)), Format = "strict_date" },
                    new TermsQuery
                    {
                        Field = "status",
                        Terms = new TermsQueryField([FieldValue.String(EntryStatus.Active.Code()), FieldValue.String(EntryStatus.UnderObjection.Code())]),
                    },
                ],
            },
            new BoolQuery
            {
                Filter = [Types(RecordTypes)],
                // A licence without an end of validity has no public_until and stays in view.
                MustNot = [new DateRangeQuery { Field = "public_until", Lt = DateMath.Anchored(Iso(today)), Format = "strict_date" }],
            },
        ],
        MinimumShouldMatch = 1,
        MustNot = [new TermQuery { Field = "withdrawn", Value = FieldValue.True }],
    };

    public static TermsQuery Types(IEnumerable<DocumentType> types) => new()
    {
        Field = "type",
        Terms = new TermsQueryField(types.Distinct().Select(t => FieldValue.String(DocumentTypeText.Code(t))).ToList()),
    };

    public static List<SortOptions> Sort(SearchSort sort)
    {
        var score = new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } };
        var newest = new SortOptions { Field = new FieldSort { Field = "date", Order = SortOrder.Desc } };
        // The id breaks ties so paging is stable: a document never shows on two pages.
        var id = new SortOptions { Field = new FieldSort { Field = "id", Order = SortOrder.Asc } };
        return sort == SearchSort.Newest ? [newest, id] : [score, newest, id];
    }

    /// <summary>Whole title and body with the text's bigrams marked; the engine cuts the snippet around the first mark,
    /// the same way for every body length. Marks come from a bigram match of the text alone, whichever clause found
    /// the document.</summary>
    private static Highlight Highlight(string text)
    {
        HighlightField Whole(string field) => new()
        {
            NumberOfFragments = 0,
            HighlightQuery = new MatchQuery { Field = field, Query = text },
        };

        return new Highlight
        {
            // The html encoder escapes the document text, so the only markup in a fragment is our own <mark>.
            Encoder = HighlighterEncoder.Html,
            PreTags = ["<mark>"],
            PostTags = ["</mark>"],
            MaxAnalyzedOffset = MaxHighlightedLength,
            Fields =
            [
                new("title." + DocumentIndex.BigramSubfield, Whole("title." + DocumentIndex.BigramSubfield)),
                new("body." + DocumentIndex.BigramSubfield, Whole("body." + DocumentIndex.BigramSubfield)),
            ],
        };
    }

    private static TermQuery Term(string field, string value) => new() { Field = field, Value = value };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
