using System.Collections.Concurrent;
using CreditSite.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditSite.Search.Embedded;

/// <summary>A <see cref="SearchRequest"/> turned into a Lucene query, built term by term from analyser output — never
/// through a query parser, so no character of user text has a meaning beyond itself.</summary>
internal sealed class EmbeddedQuery
{
    // Ranking: the name as a phrase first, then the name's bigrams and words, then the body. (A body phrase was tried
    // and dropped: list entries' bodies repeat the name, and it cost a third of a selective query's time.)
    private const float NamePhraseBoost = 8f;
    private const float NameGramBoost = 3f;
    private const float NameWordBoost = 2f;
    private const float ExactKeyBoost = 20f;

    /// <summary>The ranking refinements (phrases, SmartCn words) are left out when even the query's rarest term occurs
    /// in more documents than this: they would have to be computed for a large part of the index (常州, 有限公司) only
    /// to reorder results that all share the same common words, and they are most of such a query's cost.</summary>
    private const int RefineDocumentLimit = 20_000;

    /// <summary>Longer queries (pasted text) get no phrase boosts either.</summary>
    private const int PhraseTermLimit = 16;

    /// <summary>Up to this many distinct query terms must all occur; with more (pasted text), three quarters must.</summary>
    private const int AllTermsRequiredUpTo = 8;

    private EmbeddedQuery(Query query, bool hasText, IReadOnlySet<string> highlightTerms)
    {
        Query = query;
        HasText = hasText;
        HighlightTerms = highlightTerms;
    }

    public Query Query { get; }

    /// <summary>True when the request searches text (relevance is meaningful); false for browsing and identifiers.</summary>
    public bool HasText { get; }

    public IReadOnlySet<string> HighlightTerms { get; }

    public static EmbeddedQuery Build(SearchRequest request, SearchAnalysis analysis, FilterCache filters, IndexReader reader)
    {
        var query = new BooleanQuery(disableCoord: true);
        var hasText = false;
        IReadOnlySet<string> highlightTerms = new HashSet<string>();

        if (request.Identifier is { } identifier)
        {
            query.Add(IdentifierQuery(identifier), Occur.MUST);
        }
        else
        {
            var text = SearchAnalysis.CleanQueryText(request.Text);
            if (text.Length > 0)
            {
                hasText = true;
                var (textQuery, terms) = TextQuery(text, analysis, reader);
                highlightTerms = terms;
                query.Add(textQuery, Occur.MUST);
            }
        }

        AddFilter(query, filters.Visibility(request.Today));
        if (request.Types.Count > 0)
        {
            var types = new BooleanQuery(disableCoord: true);
            foreach (var type in request.Types.Distinct())
            {
                types.Add(new TermQuery(new Term(IndexFields.Type, type.Code())), Occur.SHOULD);
            }

            AddFilter(query, filters.Cached(types));
        }

        AddKeywordFilter(query, filters, IndexFields.ListKind, request.ListKind?.Code(), cache: true);
        AddKeywordFilter(query, filters, IndexFields.Field, request.Field, cache: true);
        AddKeywordFilter(query, filters, IndexFields.Department, request.IssuingDepartment, cache: true);
        AddKeywordFilter(query, filters, IndexFields.SubjectType, request.SubjectType?.Code(), cache: true);
        AddKeywordFilter(query, filters, IndexFields.SubjectKey, request.SubjectKey, cache: false);

        if (request.DecidedFrom is not null || request.DecidedTo is not null)
        {
            var range = NumericRangeQuery.NewInt32Range(IndexFields.Date,
                request.DecidedFrom?.DayNumber, request.DecidedTo?.DayNumber, minInclusive: true, maxInclusive: true);
            AddFilter(query, new QueryWrapperFilter(range));
        }

        return new EmbeddedQuery(query, hasText, highlightTerms);
    }

    private static Query IdentifierQuery(IdentifierFilter identifier)
    {
        var any = new BooleanQuery(disableCoord: true);
        if (!string.IsNullOrWhiteSpace(identifier.Uscc))
        {
            any.Add(new TermQuery(new Term(IndexFields.Uscc, identifier.Uscc.Trim())), Occur.SHOULD);
        }

        if (!string.IsNullOrWhiteSpace(identifier.ResidentIdHash))
        {
            any.Add(new TermQuery(new Term(IndexFields.ResidentIdHash, identifier.ResidentIdHash.Trim())), Occur.SHOULD);
        }

        // An identifier filter naming nothing matches nothing, rather than everything.
        return any.Clauses.Count == 0 ? new BooleanQuery() : new ConstantScoreQuery(any);
    }

    private static (Query Query, IReadOnlySet<string> Terms) TextQuery(string text, SearchAnalysis analysis, IndexReader reader)
    {
        var grams = SearchAnalysis.Tokens(analysis.Bigrams, IndexFields.Body, text);
        var distinct = grams.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        var any = new BooleanQuery(disableCoord: true);

        if (distinct.Count > 0)
        {
            var matches = new BooleanQuery(disableCoord: true);

            // Every term (two adjacent characters, a lone character, a Latin word or a number) must occur in the name
            // or the body: a name part typed by a person finds names containing it, not everything sharing a bigram.
            // All of them: MUST clauses, which Lucene intersects starting from the rarest term (a minimum-should-match
            // of all would be the same set, found more slowly).
            var all = distinct.Count <= AllTermsRequiredUpTo;
            var required = new BooleanQuery(disableCoord: true);
            foreach (var term in distinct)
            {
                var either = new BooleanQuery(disableCoord: true)
                {
                    { new TermQuery(new Term(IndexFields.NameGrams, term)) { Boost = NameGramBoost }, Occur.SHOULD },
                    { new TermQuery(new Term(IndexFields.Body, term)), Occur.SHOULD },
                };
                required.Add(either, all ? Occur.MUST : Occur.SHOULD);
            }

            if (!all)
            {
                required.MinimumNumberShouldMatch = (int)Math.Ceiling(distinct.Count * 0.75);
            }

            matches.Add(required, Occur.MUST);

            var selective = distinct.Any(term => reader.DocFreq(new Term(IndexFields.NameGrams, term)) <= RefineDocumentLimit);
            if (selective && grams.Count > 1 && grams.Count <= PhraseTermLimit)
            {
                matches.Add(Phrase(IndexFields.NameGrams, grams, NamePhraseBoost), Occur.SHOULD);
            }

            var words = selective ? SearchAnalysis.Tokens(analysis.Words, IndexFields.NameWords, text) : [];
            if (words.Count > 0)
            {
                var wordQuery = new BooleanQuery(disableCoord: true) { Boost = NameWordBoost };
                foreach (var word in words.Select(w => w.Term).Distinct(StringComparer.Ordinal))
                {
                    wordQuery.Add(new TermQuery(new Term(IndexFields.NameWords, word)), Occur.SHOULD);
                }

                matches.Add(wordQuery, Occur.SHOULD);
            }

            any.Add(matches, Occur.SHOULD);
        }

        // The whole text as an exact decision number or entry id (常市监罚〔2024〕123号).
        any.Add(new TermQuery(new Term(IndexFields.DecisionNumber, text)) { Boost = ExactKeyBoost }, Occur.SHOULD);
        any.Add(new TermQuery(new Term(IndexFields.EntryId, text)) { Boost = ExactKeyBoost }, Occur.SHOULD);

        return (any, distinct.ToHashSet(StringComparer.Ordinal));
    }

    private static PhraseQuery Phrase(string field, List<AnalysedToken> tokens, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position);
        }

        return phrase;
    }

    private static void AddKeywordFilter(BooleanQuery query, FilterCache filters, string field, string? value, bool cache)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var term = new TermQuery(new Term(field, value.Trim()));
        AddFilter(query, cache ? filters.Cached(term) : new QueryWrapperFilter(term));
    }

    /// <summary>A filter as a required clause that adds nothing to the score.</summary>
    private static void AddFilter(BooleanQuery query, Filter filter) =>
        query.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
}

/// <summary>Per-segment cached filters: the visibility rule of a day and the low-cardinality keyword filters (type,
/// red/black, field, department, subject type). Cached bit sets follow segments, so they survive index refreshes.</summary>
internal sealed class FilterCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<Query, Filter> _cached = new();
    private readonly ConcurrentDictionary<DateOnly, Filter> _visibility = new();

    public Filter Cached(Query query)
    {
        if (_cached.Count >= MaxEntries)
        {
            _cached.Clear();
        }

        return _cached.GetOrAdd(query, q => new CachingWrapperFilter(new QueryWrapperFilter(q)));
    }

    /// <summary>Content documents are always visible. A list entry is hidden once its <c>public_until</c> lies before
    /// <paramref name="today"/>, and when it is exited or repaired.</summary>
    public Filter Visibility(DateOnly today)
    {
        if (_visibility.TryGetValue(today, out var filter))
        {
            return filter;
        }

        if (_visibility.Count >= 4)
        {
            _visibility.Clear();
        }

        var visible = new BooleanQuery(disableCoord: true)
        {
            { new MatchAllDocsQuery(), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Status, EntryStatus.Exited.Code())), Occur.MUST_NOT },
            { new TermQuery(new Term(IndexFields.Status, EntryStatus.Repaired.Code())), Occur.MUST_NOT },
            { NumericRangeQuery.NewInt32Range(IndexFields.PublicUntil, null, today.DayNumber, true, false), Occur.MUST_NOT },
        };
        return _visibility.GetOrAdd(today, _ => new CachingWrapperFilter(new QueryWrapperFilter(visible)));
    }
}
