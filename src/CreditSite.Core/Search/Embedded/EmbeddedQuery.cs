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

    private EmbeddedQuery(Query query, Query? match, Filter filter, bool hasText, IReadOnlySet<string> highlightTerms, long estimatedPostings, Query? namePhrase)
    {
        Query = query;
        Match = match;
        Filter = filter;
        HasText = hasText;
        HighlightTerms = highlightTerms;
        EstimatedPostings = estimatedPostings;
        NamePhrase = namePhrase;
    }

    /// <summary>The whole text as a phrase in names, when the query ranks by it (one of its terms is rare): the best
    /// matches, which a sampled answer always includes (<see cref="MatchSample"/>).</summary>
    public Query? NamePhrase { get; }

    /// <summary>The whole query: <see cref="Match"/> (or every document) within <see cref="Filter"/>.</summary>
    public Query Query { get; }

    /// <summary>What the text or identifier matches, before the filters; null for a browse.</summary>
    public Query? Match { get; }

    /// <summary>The day's visibility and the request's filters, as one filter.</summary>
    public Filter Filter { get; }

    /// <summary>For a text query, about how many postings its scorers step through, from the index's term statistics:
    /// when all terms are required, the rarest term's postings once for each term (each candidate it leads to is sought
    /// in every other term); otherwise every term's postings. 0 for other queries.</summary>
    public long EstimatedPostings { get; }

    /// <summary>True when the request searches text (relevance is meaningful); false for browsing and identifiers.</summary>
    public bool HasText { get; }

    public IReadOnlySet<string> HighlightTerms { get; }

    public static EmbeddedQuery Build(SearchRequest request, SearchAnalysis analysis, FilterCache filters, IndexReader reader)
    {
        Query? match = null;
        var hasText = false;
        long estimatedPostings = 0;
        Query? namePhrase = null;
        IReadOnlySet<string> highlightTerms = new HashSet<string>();

        if (request.Identifier is { } identifier)
        {
            match = IdentifierQuery(identifier);
        }
        else
        {
            var text = SearchAnalysis.CleanQueryText(request.Text);
            if (text.Length > 0)
            {
                hasText = true;
                var (textQuery, terms, estimate, phrase) = TextQuery(text, analysis, reader);
                highlightTerms = terms;
                estimatedPostings = estimate;
                namePhrase = phrase;
                match = textQuery;
            }
        }

        var all = new List<Filter> { filters.Visibility(request.Today) };
        if (request.Types.Count > 0)
        {
            var types = new BooleanQuery(disableCoord: true);
            foreach (var type in request.Types.Distinct())
            {
                types.Add(new TermQuery(new Term(IndexFields.Type, type.Code())), Occur.SHOULD);
            }

            all.Add(filters.Cached(types));
        }

        AddKeywordFilter(all, filters, IndexFields.ListKind, request.ListKind?.Code(), cache: true);
        AddKeywordFilter(all, filters, IndexFields.Field, request.Field, cache: true);
        AddKeywordFilter(all, filters, IndexFields.Department, request.IssuingDepartment, cache: true);
        AddKeywordFilter(all, filters, IndexFields.SubjectType, request.SubjectType?.Code(), cache: true);
        AddKeywordFilter(all, filters, IndexFields.Category, request.Category, cache: true);
        AddKeywordFilter(all, filters, IndexFields.PenaltyType, request.PenaltyType, cache: true);
        AddKeywordFilter(all, filters, IndexFields.SubjectKey, request.SubjectKey, cache: false);

        if (request.DecidedFrom is not null || request.DecidedTo is not null)
        {
            var range = NumericRangeQuery.NewInt32Range(IndexFields.Date,
                request.DecidedFrom?.DayNumber, request.DecidedTo?.DayNumber, minInclusive: true, maxInclusive: true);
            all.Add(new QueryWrapperFilter(range));
        }

        // The filters as one set of bits that the query's scorers consult per document (random access), rather than
        // more clauses to leapfrog through: on 1M documents the visibility filter alone cost a tenth of a search.
        var filter = all.Count == 1 ? all[0] : new AllOfFilter(all);

        // A browse (no text, no identifier) steps through the filter's own set bits: a filtered match-all query would
        // visit every document of the index and ask the filter about each (45 ms for 12,000 penalties of 1.3M documents).
        Query query = match is null
            ? new ConstantScoreQuery(filter)
            : new FilteredQuery(match, filter, AlwaysRandomAccess.Instance);
        return new EmbeddedQuery(query, match, filter, hasText, highlightTerms, estimatedPostings, namePhrase);
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

    private static (Query Query, IReadOnlySet<string> Terms, long EstimatedPostings, Query? NamePhrase) TextQuery(string text, SearchAnalysis analysis, IndexReader reader)
    {
        var grams = SearchAnalysis.Tokens(analysis.Bigrams, IndexFields.Body, text);
        var distinct = grams.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        var any = new BooleanQuery(disableCoord: true);
        long estimate = 0;
        Query? namePhrase = null;

        if (distinct.Count > 0)
        {
            var matches = new BooleanQuery(disableCoord: true);

            // Every term (two adjacent characters, a lone character, a Latin word or a number) must occur in the name
            // or the body: a name part typed by a person finds names containing it, not everything sharing a bigram.
            // All of them: MUST clauses, which Lucene intersects starting from the rarest term (a minimum-should-match
            // of all would be the same set, found more slowly).
            var all = distinct.Count <= AllTermsRequiredUpTo;
            var required = new BooleanQuery(disableCoord: true);
            var rarest = long.MaxValue;
            long sum = 0;
            foreach (var term in distinct)
            {
                var (clause, postings) = NameOrBody(term, reader);
                required.Add(clause, all ? Occur.MUST : Occur.SHOULD);
                rarest = Math.Min(rarest, postings);
                sum += postings;
            }

            estimate = all ? rarest * distinct.Count : sum;

            if (!all)
            {
                required.MinimumNumberShouldMatch = (int)Math.Ceiling(distinct.Count * 0.75);
            }

            matches.Add(required, Occur.MUST);

            var selective = distinct.Any(term => reader.DocFreq(new Term(IndexFields.NameGrams, term)) <= RefineDocumentLimit);
            if (selective && grams.Count > 1 && grams.Count <= PhraseTermLimit)
            {
                namePhrase = Phrase(IndexFields.NameGrams, grams, NamePhraseBoost);
                matches.Add(namePhrase, Occur.SHOULD);
            }

            var words = selective ? SearchAnalysis.Tokens(analysis.Words, IndexFields.NameWords, text) : [];
            if (words.Count > 0)
            {
                var wordQuery = new BooleanQuery(disableCoord: true) { Boost = NameWordBoost };
                // Words in most names (常州市, 有限公司) add almost nothing to a score but cost a step per candidate.
                var common = reader.MaxDoc / 5;
                foreach (var word in words.Select(w => w.Term).Distinct(StringComparer.Ordinal))
                {
                    var wordTerm = new Term(IndexFields.NameWords, word);
                    if (reader.DocFreq(wordTerm) is > 0 and var frequency && frequency <= common)
                    {
                        wordQuery.Add(new TermQuery(wordTerm), Occur.SHOULD);
                    }
                }

                if (wordQuery.Clauses.Count > 0)
                {
                    matches.Add(wordQuery, Occur.SHOULD);
                }
            }

            any.Add(matches, Occur.SHOULD);
        }

        // The whole text as an exact decision number or entry id (常市监罚〔2024〕123号), when the index has it: a clause
        // that can match nothing would still wrap every match of the name query in one more scorer.
        foreach (var field in new[] { IndexFields.DecisionNumber, IndexFields.EntryId })
        {
            var exact = new Term(field, text);
            if (reader.DocFreq(exact) is > 0 and var exactCount)
            {
                estimate += exactCount;
                any.Add(new TermQuery(exact) { Boost = ExactKeyBoost }, Occur.SHOULD);
            }
        }

        Query query = any.Clauses.Count == 1 ? any.Clauses[0].Query : any;
        return (query, distinct.ToHashSet(StringComparer.Ordinal), estimate, namePhrase);
    }

    /// <summary>The term in the name (boosted) or in the body. A side where the term never occurs is left out, so most
    /// terms of a name (absent from bodies) are one posting list to step through instead of two. Also returns how many
    /// postings the clause steps through.</summary>
    private static (Query Clause, long Postings) NameOrBody(string term, IndexReader reader)
    {
        var name = new Term(IndexFields.NameGrams, term);
        var body = new Term(IndexFields.Body, term);
        var inName = reader.DocFreq(name);
        var inBody = reader.DocFreq(body);
        if ((inName > 0) != (inBody > 0))
        {
            return inName > 0 ? (new TermQuery(name) { Boost = NameGramBoost }, inName) : (new TermQuery(body), inBody);
        }

        return (new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(name) { Boost = NameGramBoost }, Occur.SHOULD },
            { new TermQuery(body), Occur.SHOULD },
        }, (long)inName + inBody);
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

    private static void AddKeywordFilter(List<Filter> filters, FilterCache cached, string field, string? value, bool cache)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var term = new TermQuery(new Term(field, value.Trim()));
        filters.Add(cache ? cached.Cached(term) : new QueryWrapperFilter(term));
    }
}
