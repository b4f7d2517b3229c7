using CreditSite.Indexing;

namespace CreditSite.Core.Tests.Indexing;

public sealed class ListIndexCheckpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditsite-checkpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void StartsAtZeroAndRemembersTheLastSequence()
    {
        var checkpoint = new ListIndexCheckpoint(_folder, "Embedded");
        Assert.Equal(0, checkpoint.Read());

        checkpoint.Write(42);

        Assert.Equal(42, new ListIndexCheckpoint(_folder, "embedded").Read());
        Assert.Equal(0, new ListIndexCheckpoint(_folder, "Elasticsearch").Read());
    }

    [Fact]
    public async Task LetsOnlyOneHolderApplyChangesAtATime()
    {
        var checkpoint = new ListIndexCheckpoint(_folder, "Embedded");

        using (var first = await checkpoint.AcquireAsync(TimeSpan.Zero))
        {
            Assert.NotNull(first);
            Assert.Null(await checkpoint.AcquireAsync(TimeSpan.FromMilliseconds(300)));
        }

        using var again = await checkpoint.AcquireAsync(TimeSpan.Zero);
        Assert.NotNull(again);
    }
}
