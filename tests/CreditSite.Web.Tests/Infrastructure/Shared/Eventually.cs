namespace CreditSite.Tests.Shared;

/// <summary>Waits for something another thread or process makes happen, instead of asserting how fast it happens: a
/// loaded build machine may be slow, and only a thing that never happens should fail the test.</summary>
internal static class Eventually
{
    /// <summary>Long enough that only something that never happens runs into it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="neverHappened"/> if it
    /// still does not after <see cref="Patience"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string neverHappened)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var patience = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"{neverHappened} (gave up after {Patience.TotalSeconds} s)");
            }

            await Task.Delay(PollInterval, CancellationToken.None);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string neverHappened)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), neverHappened);
    }
}
