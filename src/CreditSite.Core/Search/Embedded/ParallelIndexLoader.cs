using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>The bulk path of the embedded engine: documents read from a stream and analysed on several threads into
/// one open writer.</summary>
internal static class ParallelIndexLoader
{
    private const int ProgressEvery = 1000;

    /// <summary>Documents handed to a worker at a time: one hand-over per document woke a worker (and set the thread
    /// pool spinning) for every few microseconds of work.</summary>
    private const int BatchSize = 128;

    public static readonly int IndexingThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Reads the source on this thread and analyses on <see cref="IndexingThreads"/> others. A document whose id
    /// is not <paramref name="alreadyIndexed"/> is added without the cost of a delete-by-id; a repeated id (remembered by
    /// a 64-bit hash, a few bytes per document) is written as an update so the last one wins, as with upserts.</summary>
    public static async Task<long> AddAllAsync(
        IndexWriter writer, SearchAnalysis analysis, IAsyncEnumerable<SearchDocument> documents, Func<string, bool> alreadyIndexed, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Shared by the workers: a subject's records are spread over both (the queue is chosen by the record's id).
        var nameWords = new NameWordsCache(analysis.Words);

        // One queue per worker, chosen by the id: the occurrences of a repeated id are then written in stream order by
        // one thread, so the update of a later occurrence always follows (and deletes) the earlier one. With a shared
        // queue, another thread could apply the update first and both copies would stay.
        var queues = Enumerable.Range(0, IndexingThreads)
            .Select(_ => Channel.CreateBounded<List<(SearchDocument Document, bool Seen)>>(new BoundedChannelOptions(16) { SingleWriter = true, SingleReader = true }))
            .ToArray();
        var workers = queues.Select(queue => Task.Run(async () =>
        {
            try
            {
                using var builder = new LuceneDocumentBuilder(nameWords);
                await foreach (var batch in queue.Reader.ReadAllAsync(failed.Token))
                {
                    foreach (var (document, seen) in batch)
                    {
                        var fields = builder.Build(document);
                        if (seen)
                        {
                            writer.UpdateDocument(new Term(IndexFields.Id, document.Id), fields);
                        }
                        else
                        {
                            writer.AddDocument(fields);
                        }
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
        var batches = queues.Select(_ => new List<(SearchDocument, bool)>(BatchSize)).ToArray();
        try
        {
            await foreach (var document in documents.WithCancellation(failed.Token))
            {
                var hash = Fnv1a64(document.Id);
                var seen = !ids.Add(hash) || alreadyIndexed(document.Id);
                var worker = (int)(hash % (ulong)queues.Length);
                batches[worker].Add((document, seen));
                if (batches[worker].Count == BatchSize)
                {
                    await queues[worker].Writer.WriteAsync(batches[worker], failed.Token);
                    batches[worker] = new List<(SearchDocument, bool)>(BatchSize);
                }

                if (++count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }

            for (var worker = 0; worker < queues.Length; worker++)
            {
                if (batches[worker].Count > 0)
                {
                    await queues[worker].Writer.WriteAsync(batches[worker], failed.Token);
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
