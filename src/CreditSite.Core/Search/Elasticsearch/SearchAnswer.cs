using System.Net;
using Elastic.Clients.Elasticsearch;

namespace CreditSite.Search.Elasticsearch;

/// <summary>A cluster's search response as the search contract's hits (with highlights joined and snippets cut the
/// way the embedded engine does) and facets.</summary>
internal static class SearchAnswer
{

    public static SearchHit ToHit(Elastic.Clients.Elasticsearch.Core.Search.Hit<IndexedDocument> hit)
    {
        var document = hit.Source!.ToSearchDocument();
        var title = Marked(hit.Highlight, "title." + DocumentIndex.BigramSubfield);
        var body = Marked(hit.Highlight, "body." + DocumentIndex.BigramSubfield);
        return new SearchHit(
            document,
            hit.Score ?? 0,
            title ?? WebUtility.HtmlEncode(document.Title),
            body is null ? HighlightText.Start(document.Body, DocumentQuery.SnippetLength) : HighlightText.Around(body, DocumentQuery.SnippetLength));
    }

    /// <summary>The highlighted field when it holds a match, with marks on adjacent bigrams joined.</summary>
    private static string? Marked(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? highlight, string field)
    {
        if (highlight is null || !highlight.TryGetValue(field, out var fragments) || fragments.Count == 0)
        {
            return null;
        }

        var html = HighlightText.JoinAdjacentMarks(string.Concat(fragments));
        return HighlightText.HasMark(html) ? html : null;
    }

    public static SearchFacets Facets(SearchResponse<IndexedDocument> response)
    {
        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var (dimension, _, _) in DocumentQuery.Facets)
        {
            var terms = response.Aggregations?.GetStringTerms(dimension);
            byDimension[dimension] = terms?.Buckets
                .Select(b => new FacetValue(KeyOf(b), b.DocCount))
                .ToList() ?? [];
        }

        return new SearchFacets(byDimension);
    }

    public static string KeyOf(Elastic.Clients.Elasticsearch.Aggregations.StringTermsBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return bucket.Key.TryGetString(out var key) ? key! : bucket.Key.ToString() ?? string.Empty;
    }
}
