using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>The bulk path of the embedded engine: documents read from a stream and analysed on several threads into
/// one open writer.</summary>
internal static class ParallelIndexLoader
{
    private const int ProgressEvery = 1000;

    public static readonly int IndexingThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Reads the source on this thread and analyses on <see cref="IndexingThreads"/> others. A document whose id
    /// is not <paramref name="alreadyIndexed"/> is added without the cost of a delete-by-id; a repeated id (remembered by
    /// a 64-bit hash, a few bytes per document) is written as an update so the last one wins, as with upserts.</summary>
    public static async Task<long> AddAllAsync(
        IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, Func<string, bool> alreadyIndexed, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // One queue per worker, chosen by the id: the occurrences of a repeated id are then written in stream order by
        // one thread, so the update of a later occurrence always follows (and deletes) the earlier one. With a shared
        // queue, another thread could apply the update first and both copies would stay.
        var queues = Enumerable.Range(0, IndexingThreads)
            .Select(_ => Channel.CreateBounded<(SearchDocument Document, bool Seen)>(new BoundedChannelOptions(2048) { SingleWriter = true, SingleReader = true }))
            .ToArray();
        var workers = queues.Select(queue => Task.Run(async () =>
        {
            try
            {
                await foreach (var (document, seen) in queue.Reader.ReadAllAsync(failed.Token))
                {
                    var doc = IndexFields.ToLucene(document);
                    if (seen)
                    {
                        writer.UpdateDocument(new Term(IndexFields.Id, document.Id), doc);
                    }
                    else
                    {
                        writer.AddDocument(doc);
                    }
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();

        long count = 0;
        var ids = new HashSet<ulong>();
        Exception? readError = null;
        try
        {
            await foreach (var document in documents.WithCancellation(failed.Token))
            {
                var hash = Fnv1a64(document.Id);
                var seen = !ids.Add(hash) || alreadyIndexed(document.Id);
                await queues[(int)(hash % (ulong)queues.Length)].Writer.WriteAsync((document, seen), failed.Token);
                if (++count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }
        }
        catch (Exception e)
        {
            readError = e;
            await failed.CancelAsync();
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Writer.TryComplete();
            }
        }

        // A cancellation that neither the caller nor the source asked for means a worker failed: its error is the one to report.
        var workerFailed = readError is OperationCanceledException && !cancellationToken.IsCancellationRequested;
        try
        {
            await Task.WhenAll(workers);
        }
        catch when (readError is not null && !workerFailed)
        {
            // The workers stopped because reading failed; that error is reported below.
        }

        if (readError is not null)
        {
            ExceptionDispatchInfo.Capture(readError).Throw();
        }

        return count;
    }

    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
