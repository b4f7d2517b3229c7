using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Logging;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The one-stop query by subject: the page of collapsed rows, then one search for the summaries of the
/// page's subjects (<see cref="SubjectQuery"/>).</summary>
public sealed partial class ElasticsearchSearchEngine
{
    private async Task<SearchResults> GroupedSearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        SearchResponse<IndexedDocument>? page;
        try
        {
            page = await SendSearchAsync(DocumentQuery.Build(request, AliasName, _options.MaxResultWindow), cancellationToken);
        }
        catch (SearchUnavailableException e) when (e.InnerException is ElasticsearchRequestException)
        {
            if (await HasGroupKeyAsync(cancellationToken))
            {
                throw;
            }

            // An index of an older mapping (before version 3) has nothing to collapse on: until `creditsite reindex`
            // builds the new one, every document is its own row rather than the one-stop query failing.
            _logger.LogError("Search index {Alias} predates mapping version {Version} (no {Field} field): grouped searches answer one row per document. Run `creditsite reindex`.",
                AliasName, DocumentIndex.MappingVersion, DocumentIndex.GroupKeyField);
            var ungrouped = await SearchAsync(request with { GroupBySubject = false }, cancellationToken);
            return ungrouped with { Hits = ungrouped.Hits.Select(h => WithSubject(h, null)).ToList() };
        }

        if (page is null)
        {
            return new SearchResults(0, [], SearchFacets.Empty, DocumentQuery.PageOf(request), DocumentQuery.PageSizeOf(request));
        }

        var hits = page.Hits.Where(h => h.Source is not null).Select(SearchAnswer.ToHit).ToList();
        var keys = hits.Select(h => h.Document.SubjectKey).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Dictionary<string, SubjectSummary>? summaries = null;
        if (keys.Count > 0 && await SendSearchAsync(SubjectQuery.Summaries(request, keys, AliasName), cancellationToken) is { } answer)
        {
            summaries = SubjectAnswer.Summaries(answer);
        }

        var (total, isLowerBound) = SubjectAnswer.Rows(page);
        var facets = request.WithFacets ? SubjectAnswer.Facets(page) : SearchFacets.Empty;
        return new SearchResults(total, hits.Select(h => WithSubject(h, summaries)).ToList(), facets, DocumentQuery.PageOf(request), DocumentQuery.PageSizeOf(request))
        {
            TotalIsLowerBound = isLowerBound,
        };
    }

    /// <summary>A hit about a subject gets its summary; one whose subject the summaries lack (its documents left view
    /// between the two searches, or no summaries were asked for) is summarised by its own document.</summary>
    private static SearchHit WithSubject(SearchHit hit, Dictionary<string, SubjectSummary>? summaries)
    {
        var key = hit.Document.SubjectKey;
        if (string.IsNullOrEmpty(key))
        {
            return hit;
        }

        return hit with { Subject = summaries?.GetValueOrDefault(key) ?? SubjectAnswer.FromDocument(hit.Document) };
    }

    /// <summary>Whether the index behind the alias maps <see cref="DocumentIndex.GroupKeyField"/>
    /// (<c>{"index":{"mappings":{"group_key":{…}}}}</c>; an older index answers with empty mappings).</summary>
    private async Task<bool> HasGroupKeyAsync(CancellationToken cancellationToken)
    {
        var response = await _cluster.SendAsync("get field mapping", CallBudget.Search,
            (client, ct) => client.Transport.RequestAsync<StringResponse>(
                Elastic.Transport.HttpMethod.GET, $"/{AliasName}/_mapping/field/{DocumentIndex.GroupKeyField}", ct),
            cancellationToken, 404);
        using var json = JsonDocument.Parse(response.Body);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.EnumerateObject().Any(index =>
                index.Value.ValueKind == JsonValueKind.Object
                && index.Value.TryGetProperty("mappings", out var mappings)
                && mappings.ValueKind == JsonValueKind.Object
                && mappings.TryGetProperty(DocumentIndex.GroupKeyField, out _));
    }
}
