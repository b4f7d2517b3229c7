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
                    rejected.Add(new RejectedDocument(id, byId.GetValueOrDefault(id)?.EntryId, $"{item.Error.Type}: {item.Error.Reason}"));
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
