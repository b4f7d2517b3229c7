using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CreditSite.Import;

/// <summary>Runs an enumeration on a thread of its own, a bounded number of items ahead of its consumer: the write pass
/// reads and validates the file while the store writes the rows before, so a two-core machine does both at once.
/// Whatever the source throws (<see cref="ImportFileChangedException"/>, a cancellation) is rethrown to the consumer,
/// in order, after the items before it; a consumer that stops early stops the source.</summary>
internal static class Prefetch
{
    private const int BatchSize = 512;
    private const int BatchesAhead = 16;

    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<T[]>(BatchesAhead);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<T>(BatchSize);
                try
                {
                    foreach (var item in source)
                    {
                        batch.Add(item);
                        if (batch.Count == BatchSize)
                        {
                            batches.Add([.. batch], stop.Token);
                            batch.Clear();
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested || cancellationToken.IsCancellationRequested)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }

                // The items read before a failure go first, so the consumer sees everything up to it.
                if (batch.Count > 0)
                {
                    batches.Add([.. batch], stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early (or the import was cancelled, which the failure above carries).
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, CancellationToken.None);

        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(CancellationToken.None))
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }

            producer.Wait(CancellationToken.None);
            failure?.Throw();
        }
        finally
        {
            // Reached early only when the consumer stops (or throws): let the producer end before the collection goes.
            stop.Cancel();
            while (batches.TryTake(out _))
            {
            }

            producer.Wait(CancellationToken.None);
        }
    }
}
