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
        var facets = request.WithFacets ? new SubjectFacetCounter(ordinals.Count) : null;
        using var collector = new SubjectGroupCollector(ordinals, wanted, byScore, facets);

        // A very broad text query (常州, 有限公司) is ranked and counted from a sample of its matches; a browse or a
        // newest-first query never is, since its first rows must be the newest of all.
        var sampled = byScore && query.EstimatedPostings > _settings.SampleAbove;
        if (sampled)
        {
            MatchSample.Collect(searcher, query.Query, query.NamePhrase, collector, (double)_settings.SampleAbove / query.EstimatedPostings);
        }
        else
        {
            searcher.Search(query.Query, collector);
        }
        var facetResult = facets?.Result() ?? SearchFacets.Empty;

        var rows = collector.TopGroups().Skip((int)Math.Min(skip, int.MaxValue)).ToList();
        var documents = rows.Select(row => IndexFields.FromLucene(searcher.Doc(row.Doc, IndexFields.StoredOnly))).ToList();
        var keys = new List<string>();
        var matched = new List<int>();
        foreach (var (row, document) in rows.Zip(documents))
        {
            if (row.Group >= 0 && document.SubjectKey is { } key)
            {
                keys.Add(key);
                matched.Add(collector.Matched(row.Group));
            }
        }

        var summaries = keys.Count == 0
            ? []
            : SubjectSummaries.Of(searcher, keys, matched, rows.Zip(documents).ToDictionary(p => p.First.Doc, p => p.Second),
                _filters.Visibility(request.Today), _filters)
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

        return new SearchResults(collector.Groups, hits, facetResult, page, pageSize)
        {
            TotalIsLowerBound = sampled,
            CountedFromSample = sampled,
        };
    }
}
