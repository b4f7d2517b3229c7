using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EsHealthStatus = Elastic.Clients.Elasticsearch.HealthStatus;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The search contract on an Elasticsearch cluster. Documents live in versioned indices
/// (<c>{prefix}-documents-v{timestamp}</c>) behind one alias; searches and writes go through the alias, and a rebuild
/// builds a new index beside the old one and moves the alias in one atomic step.</summary>
public sealed partial class ElasticsearchSearchEngine : ISearchEngine
{
    private const string SmartcnPlugin = "analysis-smartcn";

    private readonly ElasticsearchCluster _cluster;
    private readonly ElasticsearchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _aliasGate = new();
    private Task? _creatingAlias;
    private volatile bool _aliasKnownToExist;

    public ElasticsearchSearchEngine(IOptions<ElasticsearchOptions> options, TimeProvider time, ILogger<ElasticsearchSearchEngine> logger)
        : this(new ElasticsearchCluster(Value(options), time, logger), time, logger)
    {
    }

    internal ElasticsearchSearchEngine(ElasticsearchCluster cluster, TimeProvider time, ILogger logger)
    {
        _cluster = cluster;
        _options = cluster.Options;
        _time = time;
        _logger = logger;
    }

    public string AliasName => _options.AliasName;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GroupBySubject)
        {
            return await GroupedSearchAsync(request, cancellationToken);
        }

        var page = DocumentQuery.PageOf(request);
        var pageSize = DocumentQuery.PageSizeOf(request);
        var response = await SendSearchAsync(DocumentQuery.Build(request, AliasName, _options.MaxResultWindow), cancellationToken);
        if (response is null)
        {
            return new SearchResults(0, [], SearchFacets.Empty, page, pageSize);
        }

        var hits = response.Hits.Where(h => h.Source is not null).Select(SearchAnswer.ToHit).ToList();
        var facets = request.WithFacets ? SearchAnswer.Facets(response) : SearchFacets.Empty;
        return new SearchResults(response.Total, hits, facets, page, pageSize);
    }

    /// <summary>One search through the alias; null when the index does not exist yet.</summary>
    private async Task<SearchResponse<IndexedDocument>?> SendSearchAsync(Elastic.Clients.Elasticsearch.SearchRequest query, CancellationToken cancellationToken)
    {
        SearchResponse<IndexedDocument> response;
        try
        {
            response = await _cluster.SendAsync("search", CallBudget.Search,
                (client, ct) => client.SearchAsync<IndexedDocument>(query, ct), cancellationToken, 404);
        }
        catch (ElasticsearchRequestException e)
        {
            // The cluster refused our own query (a mapping out of step, missing permission): to the visitor that is an
            // outage, to the operator an error to fix.
            _logger.LogError(e, "Elasticsearch refused a search.");
            throw new SearchUnavailableException("搜索服务暂时不可用。", e);
        }

        if (response.ApiCallDetails.HttpStatusCode == 404)
        {
            _logger.LogWarning("Search index {Alias} does not exist yet: answering with no results. Run `creditsite reindex`.", AliasName);
            return null;
        }

        if (response.TimedOut || response.Shards is { Failed: > 0 })
        {
            throw new SearchUnavailableException("搜索服务暂时不可用：部分索引分片没有应答。") { RetryAfter = TimeSpan.FromSeconds(10) };
        }

        return response;
    }

    public async Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return;
        }

        await EnsureAliasAsync(cancellationToken);
        await BulkAsync(AliasName, requireAlias: true, documents.Select(d => (d.Id, (SearchDocument?)d)), cancellationToken);
        await RefreshAsync(AliasName, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        if (!await AliasExistsAsync(cancellationToken))
        {
            return;
        }

        await BulkAsync(AliasName, requireAlias: true, ids.Select(id => (id, (SearchDocument?)null)), cancellationToken);
        await RefreshAsync(AliasName, cancellationToken);
    }

    public async Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = await CreateIndexAsync(cancellationToken);
        try
        {
            long loaded = 0;
            var batch = new List<(string, SearchDocument?)>(_options.BulkBatchSize);
            await foreach (var document in documents.WithCancellation(cancellationToken))
            {
                batch.Add((document.Id, document));
                if (batch.Count == _options.BulkBatchSize)
                {
                    await BulkAsync(index, requireAlias: false, batch, cancellationToken);
                    loaded += batch.Count;
                    progress?.Report(loaded);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await BulkAsync(index, requireAlias: false, batch, cancellationToken);
                loaded += batch.Count;
                progress?.Report(loaded);
            }

            await _cluster.SendAsync("put settings", CallBudget.Indexing,
                (client, ct) => client.Indices.PutSettingsAsync(new PutIndicesSettingsRequest(index, DocumentIndex.LoadedSettings(_options)), ct),
                cancellationToken);
            await RefreshAsync(index, cancellationToken);
            var previous = await SwapAliasAsync(index, cancellationToken);
            _logger.LogInformation("Search index {Index} now serves {Alias} with {Count} documents.", index, AliasName, loaded);
            await DeleteIndicesAsync(previous, CancellationToken.None);
        }
        catch
        {
            // Searches never saw the new index; remove it so failed rebuilds leave nothing behind.
            await DeleteIndicesAsync([index], CancellationToken.None);
            throw;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var response = await _cluster.SendAsync("count", CallBudget.Search,
            (client, ct) => client.CountAsync(new CountRequest(AliasName), ct), cancellationToken, 404);
        return response.ApiCallDetails.HttpStatusCode == 404 ? 0 : response.Count;
    }

    public async Task<EngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // The index behind the alias when there is one (other indices on a shared cluster are not ours to judge),
            // else the cluster as a whole.
            var ours = await AliasExistsAsync(cancellationToken, CallBudget.Health);
            var request = ours
                ? new Elastic.Clients.Elasticsearch.Cluster.HealthRequest(AliasName)
                : new Elastic.Clients.Elasticsearch.Cluster.HealthRequest();
            var response = await _cluster.SendAsync("cluster health", CallBudget.Health, (client, ct) => client.Cluster.HealthAsync(request, ct), cancellationToken);
            return response.Status switch
            {
                EsHealthStatus.Green => EngineHealth.Healthy,
                // Every primary shard is there (searches are complete) but some replica is missing.
                EsHealthStatus.Yellow => EngineHealth.Degraded,
                _ => EngineHealth.Unavailable,
            };
        }
        catch (SearchUnavailableException)
        {
            return EngineHealth.Unavailable;
        }
        catch (ElasticsearchRequestException e)
        {
            _logger.LogWarning(e, "Elasticsearch health check was refused.");
            return EngineHealth.Unavailable;
        }
    }

    private static ElasticsearchOptions Value(IOptions<ElasticsearchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }
}
