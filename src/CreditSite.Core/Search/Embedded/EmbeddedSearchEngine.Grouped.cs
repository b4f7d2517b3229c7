using System.Diagnostics;
using Lucene.Net.Search;

namespace CreditSite.Search.Embedded;

/// <summary>The one-stop query by subject (<see cref="SearchRequest.GroupBySubject"/>): one row per subject, content items
/// as rows of their own. See docs/search.md, "Grouping by subject".</summary>
public sealed partial class EmbeddedSearchEngine
{
    private SearchResults SearchBySubject(SearcherCache.Snapshot snapshot, SearchRequest request, EmbeddedQuery query, int page, int pageSize)
    {
        var searcher = snapshot.Searcher;
        var ordinals = snapshot.Subjects;
        var skip = (long)(page - 1) * pageSize;
        var wanted = (int)Math.Min(skip + pageSize, searcher.IndexReader.MaxDoc);
        var byScore = query.HasText && request.Sort == SearchSort.Relevance;
        var (collector, facets, sampled) = CollectGroups(searcher, ordinals, request, query, wanted, byScore);
        using var _ = collector;
        var newestFromSample = sampled && !byScore;

        // Newest first, the newest of a sample would not be the newest: those rows come from the most recent stretch of
        // time that holds enough subjects, walked exactly.
        using var newest = newestFromSample ? NewestRows(searcher, ordinals, query, wanted, collector.TopGroups(), Fraction(query)) : null;
        var rowSource = newest ?? collector;
        var facetResult = facets?.Result() ?? SearchFacets.Empty;

        var rows = rowSource.TopGroups().Skip((int)Math.Min(skip, int.MaxValue)).ToList();
        var documents = rows.Select(row => IndexFields.FromLucene(searcher.Doc(row.Doc, IndexFields.StoredOnly))).ToList();
        var subjects = new List<int>();
        var keys = new List<string>();
        var matched = new List<int>();
        foreach (var (row, document) in rows.Zip(documents))
        {
            if (row.Group >= 0 && document.SubjectKey is { } key)
            {
                subjects.Add((int)row.Group);
                keys.Add(key);
                matched.Add(rowSource.Matched(row.Group));
            }
        }

        var summaries = keys.Count == 0
            ? []
            : SubjectSummaries.Of(searcher, snapshot.SubjectDocuments, subjects, keys, matched,
                rows.Zip(documents).ToDictionary(p => p.First.Doc, p => p.Second), _filters.Visibility(request.Today), _filters)
                .ToDictionary(s => s.SubjectKey, StringComparer.Ordinal);

        var hits = new List<SearchHit>(rows.Count);
        foreach (var (row, document) in rows.Zip(documents))
        {
            var score = byScore && double.IsFinite(row.Value) ? row.Value : 0d;
            hits.Add(new SearchHit(document, score,
                _highlighter.Title(document.Title, query.HighlightTerms),
                _highlighter.Snippet(document.Body, query.HighlightTerms))
            {
                Subject = row.Group >= 0 && document.SubjectKey is { } key ? summaries.GetValueOrDefault(key) : null,
            });
        }

        return new SearchResults(Math.Max(collector.Groups, newest?.Groups ?? 0), hits, facetResult, page, pageSize)
        {
            TotalIsLowerBound = sampled,
            CountedFromSample = sampled,
        };
    }

    /// <summary>Every matching document, or for a very broad text query (常州, 有限公司) a sample of them (docs/search.md,
    /// "Very broad queries"): counted, faceted and — ranked by relevance — ranked from the sample. A browse is never
    /// sampled. Newest first, the sample's newest subjects only tell <see cref="NewestRows"/> how far back to look.</summary>
    private (SubjectGroupCollector Groups, SubjectFacetCounter? Facets, bool Sampled) CollectGroups(
        IndexSearcher searcher, SubjectOrdinals ordinals, SearchRequest request, EmbeddedQuery query, int wanted, bool byScore)
    {
        SubjectFacetCounter? NewFacets() => request.WithFacets ? new SubjectFacetCounter(ordinals.Count) : null;

        var facets = NewFacets();
        if (query.HasText && query.EstimatedPostings > _settings.SampleAbove)
        {
            var sample = new SubjectGroupCollector(ordinals, wanted, byScore, facets);
            MatchSample.Collect(searcher, query, sample, Fraction(query));
            if (sample.Groups >= wanted)
            {
                return (sample, facets, true);
            }

            // Too few subjects in the sample to fill the page (a selective filter, or common words seldom together):
            // answered exactly after all, the filter and the text leap-frogging, so a small filter leads.
            sample.Dispose();
            facets?.Result();
            facets = NewFacets();
            var exact = new SubjectGroupCollector(ordinals, wanted, byScore, facets);
            searcher.Search(new FilteredQuery(query.Match, query.Filter, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), exact);
            return (exact, facets, false);
        }

        var all = new SubjectGroupCollector(ordinals, wanted, byScore, facets);
        searcher.Search(query.Query, all);
        return (all, facets, false);
    }

    private double Fraction(EmbeddedQuery query) => (double)_settings.SampleAbove / query.EstimatedPostings;

    /// <summary>The <paramref name="wanted"/> newest subjects matching <paramref name="query"/>, exactly, walking only
    /// the documents dated since a day the sample points to. The sample holds <paramref name="wanted"/> matching subjects
    /// dated on or after its last one's date, so from that day there are enough, and any subject left out has every
    /// matching document older, so it ranks below them. A nearer day is tried first: the sample's k-th newest, k sized so
    /// that about twice the subjects wanted should lie after it (the sample holds <paramref name="fraction"/> of the
    /// matches). The date range is a required clause of the text's query, which Lucene leads with when it is the rarer
    /// (a few recent days of 5M records), and the filters are checked on what that conjunction finds.</summary>
    private static SubjectGroupCollector NewestRows(IndexSearcher searcher, SubjectOrdinals ordinals, EmbeddedQuery query, int wanted,
        List<(long Group, double Value, int Doc)> sampleNewest, double fraction)
    {
        var guaranteed = (int)sampleNewest[^1].Value;
        var nearer = (int)sampleNewest[Math.Clamp((int)Math.Ceiling(2 * wanted * fraction), 1, sampleNewest.Count) - 1].Value;
        foreach (var since in nearer > guaranteed ? [nearer, guaranteed] : new[] { guaranteed })
        {
            var recent = new FilteredQuery(new BooleanQuery(disableCoord: true)
            {
                { query.Match, Occur.MUST },
                { NumericRangeQuery.NewInt32Range(IndexFields.Date, since, null, minInclusive: true, maxInclusive: true), Occur.MUST },
            }, query.Filter, AlwaysRandomAccess.Instance);
            var rows = new SubjectGroupCollector(ordinals, wanted, byScore: false, facets: null);
            searcher.Search(recent, rows);
            if (rows.Groups >= wanted || since == guaranteed)
            {
                return rows;
            }

            rows.Dispose();
        }

        throw new UnreachableException();
    }
}
