using CreditSite.Import;

namespace CreditSite.Core.Tests.Import;

/// <summary>The write pass runs a little ahead of the store on a thread of its own: items arrive complete and in order,
/// a failure arrives after the items before it, and a writer that stops early stops the reading.</summary>
public sealed class PrefetchTests
{
    [Fact]
    public void YieldsEveryItemInOrder()
    {
        var items = Prefetch.Ahead(Enumerable.Range(0, 100_000), CancellationToken.None).ToList();

        Assert.Equal(Enumerable.Range(0, 100_000), items);
    }

    [Fact]
    public void AFailureOfTheSourceArrivesAfterTheItemsBeforeIt()
    {
        var seen = new List<int>();

        var thrown = Assert.Throws<ImportFileChangedException>(() =>
        {
            foreach (var item in Prefetch.Ahead(FailingAfter(1_000), CancellationToken.None))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(Enumerable.Range(0, 1_000), seen);
        Assert.Contains("文件在导入过程中发生了变化", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConsumerThatStopsEarlyStopsTheSource()
    {
        var source = new CountingSource();

        var firstTen = Prefetch.Ahead(source.Items(), CancellationToken.None).Take(10).ToList();

        Assert.Equal(Enumerable.Range(0, 10), firstTen);
        Assert.True(source.Disposed);
        Assert.True(source.Produced < 1_000_000);
    }

    [Fact]
    public void CancellationReachesTheConsumer()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in Prefetch.Ahead(Cancelling(cancellation), cancellation.Token))
            {
                seen++;
            }
        });

        Assert.True(seen <= 100);
    }

    private static IEnumerable<int> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        throw new ImportFileChangedException();
    }

    private static IEnumerable<int> Cancelling(CancellationTokenSource cancellation)
    {
        for (var i = 0; ; i++)
        {
            if (i == 100)
            {
                cancellation.Cancel();
            }

            cancellation.Token.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    private sealed class CountingSource
    {
        public int Produced { get; private set; }

        public bool Disposed { get; private set; }

        public IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    Produced++;
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
