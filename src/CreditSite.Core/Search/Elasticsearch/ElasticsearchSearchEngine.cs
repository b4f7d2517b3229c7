using System.Net;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EsHealthStatus = Elastic.Clients.Elasticsearch.HealthStatus;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The search contract on an Elasticsearch cluster. Documents live in versioned indices
/// (<c>{prefix}-documents-v{timestamp}</c>) behind one alias; searches and writes go through the alias, and a rebuild
/// builds a new index beside the old one and moves the alias in one atomic step.</summary>
public sealed class ElasticsearchSearchEngine : ISearchEngine
{
    private const string SmartcnPlugin = "analysis-smartcn";

    private readonly ElasticsearchCluster cluster;
    private readonly ElasticsearchOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock aliasGate = new();
    private Task? creatingAlias;
    private volatile bool aliasKnownToExist;

    public ElasticsearchSearchEngine(IOptions<ElasticsearchOptions> options, TimeProvider time, ILogger<ElasticsearchSearchEngine> logger)
        : this(new ElasticsearchCluster(Value(options), time, logger), time, logger)
    {
    }

    internal ElasticsearchSearchEngine(ElasticsearchCluster cluster, TimeProvider time, ILogger logger)
    {
        this.cluster = cluster;
        options = cluster.Options;
        this.time = time;
        this.logger = logger;
    }

    public string AliasName => options.AliasName;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = DocumentQuery.Build(request, AliasName, options.MaxResultWindow);
        SearchResponse<IndexedDocument> response;
        try
        {
            response = await cluster.SendAsync("search", CallBudget.Search,
                (client, ct) => client.SearchAsync<IndexedDocument>(query, ct), cancellationToken, 404);
        }
        catch (ElasticsearchRequestException e)
        {
            // The cluster refused our own query (a mapping out of step, missing permission): to the visitor that is an
            // outage, to the operator an error to fix.
            logger.LogError(e, "Elasticsearch refused a search.");
            throw new SearchUnavailableException("搜索服务暂时不可用。", e);
        }

        var page = DocumentQuery.PageOf(request);
        var pageSize = DocumentQuery.PageSizeOf(request);
        if (response.ApiCallDetails.HttpStatusCode == 404)
        {
            logger.LogWarning("Search index {Alias} does not exist yet: answering with no results. Run `creditsite reindex`.", AliasName);
            return new SearchResults(0, [], SearchFacets.Empty, page, pageSize);
        }

        if (response.TimedOut || response.Shards is { Failed: > 0 })
        {
            throw new SearchUnavailableException("搜索服务暂时不可用：部分索引分片没有应答。") { RetryAfter = TimeSpan.FromSeconds(10) };
        }

        var hits = response.Hits.Where(h => h.Source is not null).Select(ToHit).ToList();
        var facets = request.WithFacets ? Facets(response) : SearchFacets.Empty;
        return new SearchResults(response.Total, hits, facets, page, pageSize);
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
            var batch = new List<(string, SearchDocument?)>(options.BulkBatchSize);
            await foreach (var document in documents.WithCancellation(cancellationToken))
            {
                batch.Add((document.Id, document));
                if (batch.Count == options.BulkBatchSize)
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

            await cluster.SendAsync("put settings", CallBudget.Indexing,
                (client, ct) => client.Indices.PutSettingsAsync(new PutIndicesSettingsRequest(index, DocumentIndex.LoadedSettings(options)), ct),
                cancellationToken);
            await RefreshAsync(index, cancellationToken);
            var previous = await SwapAliasAsync(index, cancellationToken);
            logger.LogInformation("Search index {Index} now serves {Alias} with {Count} documents.", index, AliasName, loaded);
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
        var response = await cluster.SendAsync("count", CallBudget.Search,
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
            var response = await cluster.SendAsync("cluster health", CallBudget.Health, (client, ct) => client.Cluster.HealthAsync(request, ct), cancellationToken);
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
            logger.LogWarning(e, "Elasticsearch health check was refused.");
            return EngineHealth.Unavailable;
        }
    }

    /// <summary>Which Chinese analyser a new index gets: the configured one, or SmartCn when every node has the plugin.</summary>
    internal async Task<ElasticsearchAnalyzer> ChooseAnalyzerAsync(CancellationToken cancellationToken)
    {
        if (options.Analyzer != ElasticsearchAnalyzer.Auto)
        {
            logger.LogInformation("Chinese analyser for new search indices: {Analyzer} (configured).", options.Analyzer);
            return options.Analyzer;
        }

        var response = await cluster.SendAsync("nodes plugins", CallBudget.Indexing,
            (client, ct) => client.Transport.RequestAsync<StringResponse>(
                Elastic.Transport.HttpMethod.GET, "/_nodes/plugins?filter_path=nodes.*.name,nodes.*.plugins.name", ct),
            cancellationToken);
        var (nodes, withPlugin) = CountSmartcnNodes(response.Body);
        var analyzer = nodes > 0 && withPlugin == nodes ? ElasticsearchAnalyzer.Smartcn : ElasticsearchAnalyzer.Cjk;
        logger.LogInformation(
            "Chinese analyser for new search indices: {Analyzer} ({WithPlugin} of {Nodes} nodes have {Plugin}).",
            analyzer, withPlugin, nodes, SmartcnPlugin);
        return analyzer;
    }

    private static (int Nodes, int WithPlugin) CountSmartcnNodes(string body)
    {
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Object)
        {
            return (0, 0);
        }

        int count = 0, with = 0;
        foreach (var node in nodes.EnumerateObject())
        {
            count++;
            if (node.Value.TryGetProperty("plugins", out var plugins) && plugins.ValueKind == JsonValueKind.Array
                && plugins.EnumerateArray().Any(p => p.TryGetProperty("name", out var n) && n.GetString() == SmartcnPlugin))
            {
                with++;
            }
        }

        return (count, with);
    }

    private async Task<string> CreateIndexAsync(CancellationToken cancellationToken)
    {
        var analyzer = await ChooseAnalyzerAsync(cancellationToken);
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            // Two indices made within one millisecond (a first write racing a rebuild) would share a name: take the next.
            var index = DocumentIndex.NewIndexName(options.IndexPrefix, now.AddMilliseconds(attempt));
            var request = DocumentIndex.CreateRequest(index, analyzer, options);
            try
            {
                await cluster.SendAsync("create index", CallBudget.Indexing, (client, ct) => client.Indices.CreateAsync(request, ct), cancellationToken);
            }
            catch (ElasticsearchRequestException e) when (e.ErrorType == "resource_already_exists_exception" && attempt < 5)
            {
                continue;
            }

            logger.LogInformation("Created search index {Index} with the {Analyzer} analyser.", index, analyzer);
            return index;
        }
    }

    /// <summary>The indices the alias points at now; empty when it does not exist yet.</summary>
    private async Task<IReadOnlyList<string>> AliasedIndicesAsync(CancellationToken cancellationToken, CallBudget budget = CallBudget.Indexing)
    {
        var response = await cluster.SendAsync("get alias", budget,
            (client, ct) => client.Indices.GetAliasAsync(new GetAliasRequest((Names)AliasName), ct), cancellationToken, 404);
        return response.ApiCallDetails.HttpStatusCode == 404 || response.Aliases is null ? [] : response.Aliases.Keys.ToList();
    }

    private async Task<bool> AliasExistsAsync(CancellationToken cancellationToken, CallBudget budget = CallBudget.Indexing)
    {
        if (aliasKnownToExist)
        {
            return true;
        }

        aliasKnownToExist = (await AliasedIndicesAsync(cancellationToken, budget)).Count > 0;
        return aliasKnownToExist;
    }

    /// <summary>Before the first write, an empty index behind the alias, so bulk writes never auto-create an index
    /// with dynamic mappings (they also send <c>require_alias</c>). Concurrent first writers share one creation.</summary>
    private Task EnsureAliasAsync(CancellationToken cancellationToken)
    {
        if (aliasKnownToExist)
        {
            return Task.CompletedTask;
        }

        lock (aliasGate)
        {
            if (creatingAlias is null || creatingAlias.IsFaulted || creatingAlias.IsCanceled)
            {
                creatingAlias = CreateAliasUnlessPresentAsync();
            }

            return creatingAlias.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateAliasUnlessPresentAsync()
    {
        // Not tied to one caller's cancellation: other writers may be waiting on it; the pipeline bounds its time.
        if (await AliasExistsAsync(CancellationToken.None))
        {
            return;
        }

        var index = await CreateIndexAsync(CancellationToken.None);
        await cluster.SendAsync("put settings", CallBudget.Indexing,
            (client, ct) => client.Indices.PutSettingsAsync(new PutIndicesSettingsRequest(index, DocumentIndex.LoadedSettings(options)), ct),
            CancellationToken.None);
        await SwapAliasAsync(index, CancellationToken.None);
    }

    /// <summary>Points the alias at <paramref name="index"/> in one <c>_aliases</c> call (remove + add are applied
    /// atomically) and returns the indices it pointed at before.</summary>
    private async Task<IReadOnlyList<string>> SwapAliasAsync(string index, CancellationToken cancellationToken)
    {
        var previous = await AliasedIndicesAsync(cancellationToken);
        var actions = previous
            .Select(old => new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = old, Alias = AliasName } })
            .Append(new IndexUpdateAliasesAction { Add = new AddAction { Index = index, Alias = AliasName } })
            .ToList();
        await cluster.SendAsync("swap alias", CallBudget.Indexing,
            (client, ct) => client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, ct), cancellationToken);
        aliasKnownToExist = true;
        return previous;
    }

    private async Task DeleteIndicesAsync(IReadOnlyList<string> indices, CancellationToken cancellationToken)
    {
        foreach (var index in indices)
        {
            try
            {
                await cluster.SendAsync("delete index", CallBudget.Indexing,
                    (client, ct) => client.Indices.DeleteAsync(new DeleteIndexRequest(index), ct), cancellationToken, 404);
            }
            catch (Exception e) when (e is SearchUnavailableException or ElasticsearchRequestException)
            {
                // Leftover indices cost disk, not correctness: nothing reads them once the alias has moved.
                logger.LogWarning(e, "Could not delete old search index {Index}; delete it by hand.", index);
            }
        }
    }

    private async Task RefreshAsync(string target, CancellationToken cancellationToken) =>
        await cluster.SendAsync("refresh", CallBudget.Indexing,
            (client, ct) => client.Indices.RefreshAsync(new RefreshRequest(target), ct), cancellationToken);

    /// <summary>Writes one batch (a null document deletes its id). Items refused with 429 are sent again with backoff;
    /// any other refusal fails the whole write with every refused id and reason.</summary>
    private async Task BulkAsync(string target, bool requireAlias, IEnumerable<(string Id, SearchDocument? Document)> operations, CancellationToken cancellationToken)
    {
        var rejected = new List<RejectedDocument>();
        foreach (var chunk in operations.Chunk(options.BulkBatchSize))
        {
            var pending = chunk;
            var byId = chunk.Where(o => o.Document is not null).GroupBy(o => o.Id).ToDictionary(g => g.Key, g => g.Last().Document!);
            for (var attempt = 0; pending.Length > 0; attempt++)
            {
                var request = new BulkRequest(target)
                {
                    RequireAlias = requireAlias ? true : null,
                    Operations = [.. pending.Select(Operation)],
                };
                var response = await cluster.SendAsync("bulk", CallBudget.Indexing, (client, ct) => client.BulkAsync(request, ct), cancellationToken);
                if (!response.Errors)
                {
                    break;
                }

                var retry = new List<(string Id, SearchDocument? Document)>();
                var items = response.Items.ToList();
                for (var i = 0; i < items.Count && i < pending.Length; i++)
                {
                    var item = items[i];
                    if (item.Error is null || (item.Operation == "delete" && item.Status == (int)HttpStatusCode.NotFound))
                    {
                        continue;
                    }

                    if (item.Status == (int)HttpStatusCode.TooManyRequests && attempt < options.BulkMaxRetries)
                    {
                        retry.Add(pending[i]);
                        continue;
                    }

                    var id = item.Id ?? pending[i].Id;
                    rejected.Add(new RejectedDocument(id, byId.GetValueOrDefault(id)?.EntryId, $"{item.Error.Type}: {item.Error.Reason}"));
                }

                pending = [.. retry];
                if (pending.Length > 0)
                {
                    var delay = Backoff(attempt);
                    logger.LogInformation("Elasticsearch is busy (429) with {Count} documents; sending them again in {Delay}.", pending.Length, delay);
                    await Task.Delay(delay, time, cancellationToken);
                }
            }

            if (rejected.Count > 0)
            {
                // Stop at the first refused batch: the import fails as a whole, and the report names every refusal in it.
                throw new SearchIndexingException(rejected);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.RetryBaseDelay * Math.Pow(2, attempt);
        return delay > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : delay;
    }

    private static IBulkOperation Operation((string Id, SearchDocument? Document) operation) =>
        operation.Document is { } document
            ? new BulkIndexOperation<IndexedDocument>(IndexedDocument.From(document)) { Id = operation.Id }
            : new BulkDeleteOperation(operation.Id);

    private static SearchHit ToHit(Elastic.Clients.Elasticsearch.Core.Search.Hit<IndexedDocument> hit)
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

    private static SearchFacets Facets(SearchResponse<IndexedDocument> response)
    {
        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var (dimension, _, _) in DocumentQuery.Facets)
        {
            var terms = response.Aggregations?.GetStringTerms(dimension);
            byDimension[dimension] = terms?.Buckets
                .Select(b => new FacetValue(b.Key.TryGetString(out var key) ? key! : b.Key.ToString() ?? string.Empty, b.DocCount))
                .ToList() ?? [];
        }

        return new SearchFacets(byDimension);
    }

    private static ElasticsearchOptions Value(IOptions<ElasticsearchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }
}
