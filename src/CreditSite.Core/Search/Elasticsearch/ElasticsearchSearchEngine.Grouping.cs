namespace CreditSite.Search.Elasticsearch;

/// <summary>The one-stop query by subject: the page of collapsed rows, then one search for the summaries of the
/// page's subjects (<see cref="SubjectQuery"/>).</summary>
public sealed partial class ElasticsearchSearchEngine
{
    private async Task<SearchResults> GroupedResultsAsync(
        SearchRequest request, Elastic.Clients.Elasticsearch.SearchResponse<IndexedDocument> page, List<SearchHit> hits, CancellationToken cancellationToken)
    {
        var keys = hits.Select(h => h.Document.SubjectKey).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var summaries = new Dictionary<string, SubjectSummary>(StringComparer.Ordinal);
        if (keys.Count > 0 && await SendSearchAsync(SubjectQuery.Summaries(request, keys, AliasName), cancellationToken) is { } answer)
        {
            summaries = SubjectAnswer.Summaries(answer);
        }

        var rows = hits
            .Select(h => string.IsNullOrEmpty(h.Document.SubjectKey)
                ? h
                : h with { Subject = summaries.GetValueOrDefault(h.Document.SubjectKey) ?? SubjectAnswer.FromDocument(h.Document) })
            .ToList();
        var (total, isLowerBound) = SubjectAnswer.Rows(page);
        var facets = request.WithFacets ? SubjectAnswer.Facets(page) : SearchFacets.Empty;
        return new SearchResults(total, rows, facets, DocumentQuery.PageOf(request), DocumentQuery.PageSizeOf(request))
        {
            TotalIsLowerBound = isLowerBound,
        };
    }
}
