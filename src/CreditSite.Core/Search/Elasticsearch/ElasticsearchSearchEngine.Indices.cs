using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Microsoft.Extensions.Logging;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The index life cycle: which analyser a new index gets, versioned indices behind one alias, the atomic
/// alias swap of a rebuild, and removal of the indices it replaced.</summary>
public sealed partial class ElasticsearchSearchEngine
{

    /// <summary>Which Chinese analyser a new index gets: the configured one, or SmartCn when every node has the plugin.</summary>
    internal async Task<ElasticsearchAnalyzer> ChooseAnalyzerAsync(CancellationToken cancellationToken)
    {
        if (_options.Analyzer != ElasticsearchAnalyzer.Auto)
        {
            _logger.LogInformation("Chinese analyser for new search indices: {Analyzer} (configured).", _options.Analyzer);
            return _options.Analyzer;
        }

        var response = await _cluster.SendAsync("nodes plugins", CallBudget.Indexing,
            (client, ct) => client.Transport.RequestAsync<StringResponse>(
                Elastic.Transport.HttpMethod.GET, "/_nodes/plugins?filter_path=nodes.*.name,nodes.*.plugins.name", ct),
            cancellationToken);
        var (nodes, withPlugin) = CountSmartcnNodes(response.Body);
        var analyzer = nodes > 0 && withPlugin == nodes ? ElasticsearchAnalyzer.Smartcn : ElasticsearchAnalyzer.Cjk;
        _logger.LogInformation(
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
        var now = _time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            // Two indices made within one millisecond (a first write racing a rebuild) would share a name: take the next.
            var index = DocumentIndex.NewIndexName(_options.IndexPrefix, now.AddMilliseconds(attempt));
            var request = DocumentIndex.CreateRequest(index, analyzer, _options);
            try
            {
                await _cluster.SendAsync("create index", CallBudget.Indexing, (client, ct) => client.Indices.CreateAsync(request, ct), cancellationToken);
            }
            catch (ElasticsearchRequestException e) when (e.ErrorType == "resource_already_exists_exception" && attempt < 5)
            {
                continue;
            }

            _logger.LogInformation("Created search index {Index} with the {Analyzer} analyser.", index, analyzer);
            return index;
        }
    }

    /// <summary>The indices the alias points at now; empty when it does not exist yet.</summary>
    private async Task<IReadOnlyList<string>> AliasedIndicesAsync(CancellationToken cancellationToken, CallBudget budget = CallBudget.Indexing)
    {
        var response = await _cluster.SendAsync("get alias", budget,
            (client, ct) => client.Indices.GetAliasAsync(new GetAliasRequest((Names)AliasName), ct), cancellationToken, 404);
        return response.ApiCallDetails.HttpStatusCode == 404 || response.Aliases is null ? [] : response.Aliases.Keys.ToList();
    }

    private async Task<bool> AliasExistsAsync(CancellationToken cancellationToken, CallBudget budget = CallBudget.Indexing)
    {
        if (_aliasKnownToExist)
        {
            return true;
        }

        _aliasKnownToExist = (await AliasedIndicesAsync(cancellationToken, budget)).Count > 0;
        return _aliasKnownToExist;
    }

    /// <summary>Before the first write, an empty index behind the alias, so bulk writes never auto-create an index
    /// with dynamic mappings (they also send <c>require_alias</c>). Concurrent first writers share one creation.</summary>
    private Task EnsureAliasAsync(CancellationToken cancellationToken)
    {
        if (_aliasKnownToExist)
        {
            return Task.CompletedTask;
        }

        lock (_aliasGate)
        {
            if (_creatingAlias is null || _creatingAlias.IsFaulted || _creatingAlias.IsCanceled)
            {
                _creatingAlias = CreateAliasUnlessPresentAsync();
            }

            return _creatingAlias.WaitAsync(cancellationToken);
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
        await _cluster.SendAsync("put settings", CallBudget.Indexing,
            (client, ct) => client.Indices.PutSettingsAsync(new PutIndicesSettingsRequest(index, DocumentIndex.LoadedSettings(_options)), ct),
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
        await _cluster.SendAsync("swap alias", CallBudget.Indexing,
            (client, ct) => client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, ct), cancellationToken);
        _aliasKnownToExist = true;
        return previous;
    }

    private async Task DeleteIndicesAsync(IReadOnlyList<string> indices, CancellationToken cancellationToken)
    {
        foreach (var index in indices)
        {
            try
            {
                await _cluster.SendAsync("delete index", CallBudget.Indexing,
                    (client, ct) => client.Indices.DeleteAsync(new DeleteIndexRequest(index), ct), cancellationToken, 404);
            }
            catch (Exception e) when (e is SearchUnavailableException or ElasticsearchRequestException)
            {
                // Leftover indices cost disk, not correctness: nothing reads them once the alias has moved.
                _logger.LogWarning(e, "Could not delete old search index {Index}; delete it by hand.", index);
            }
        }
    }

    private async Task RefreshAsync(string target, CancellationToken cancellationToken) =>
        await _cluster.SendAsync("refresh", CallBudget.Indexing,
            (client, ct) => client.Indices.RefreshAsync(new RefreshRequest(target), ct), cancellationToken);
}
