using System.Net;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Microsoft.Extensions.Logging;

namespace CreditSite.Search.Elasticsearch;

/// <summary>Bulk writes: batches of index and delete operations, retried with back-off on the failures a busy
/// cluster answers with.</summary>
public sealed partial class ElasticsearchSearchEngine
{

    /// <summary>Writes one batch (a null document deletes its id). Items refused with 429 are sent again with backoff;
    /// any other refusal fails the whole write with every refused id and reason.</summary>
    private async Task BulkAsync(string target, bool requireAlias, IEnumerable<(string Id, SearchDocument? Document)> operations, CancellationToken cancellationToken)
    {
        var rejected = new List<RejectedDocument>();
        foreach (var chunk in operations.Chunk(_options.BulkBatchSize))
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
                var response = await _cluster.SendAsync("bulk", CallBudget.Indexing, (client, ct) => client.BulkAsync(request, ct), cancellationToken);
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

                    if (item.Status == (int)HttpStatusCode.TooManyRequests && attempt < _options.BulkMaxRetries)
                    {
                        retry.Add(pending[i]);
                        continue;
                    }

                    var id = item.Id ?? pending[i].Id;
                    rejected.Add(new RejectedDocument(id, byId.GetValueOrDefault(id)?.EntryId, Reason(item.Error.Type, item.Error.Reason)));
                }

                pending = [.. retry];
                if (pending.Length > 0)
                {
                    var delay = Backoff(attempt);
                    _logger.LogInformation("Elasticsearch is busy (429) with {Count} documents; sending them again in {Delay}.", pending.Length, delay);
                    await Task.Delay(delay, _time, cancellationToken);
                }
            }

            if (rejected.Count > 0)
            {
                // Stop at the first refused batch: the import fails as a whole, and the report names every refusal in it.
                throw new SearchIndexingException(rejected);
            }
        }
    }

    /// <summary>Elasticsearch's reason; for a field the index's mapping does not know, also what to do about it.</summary>
    private static string Reason(string? type, string? reason) => type == "strict_dynamic_mapping_exception"
        ? $"{type}: {reason}（搜索索引的字段映射早于本版本（第 {DocumentIndex.MappingVersion} 版）：请运行 creditsite reindex 按新映射重建索引，重建期间搜索照常）"
        : $"{type}: {reason}";

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryBaseDelay * Math.Pow(2, attempt);
        return delay > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : delay;
    }

    private static IBulkOperation Operation((string Id, SearchDocument? Document) operation) =>
        operation.Document is { } document
            ? new BulkIndexOperation<IndexedDocument>(IndexedDocument.From(document)) { Id = operation.Id }
            : new BulkDeleteOperation(operation.Id);
}
