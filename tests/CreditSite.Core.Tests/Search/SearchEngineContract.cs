using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The behaviour every <see cref="ISearchEngine"/> must show, whatever is behind it. A subclass supplies a
/// fresh, empty engine per test (xUnit makes a new instance of the class for every test); the embedded engine runs it
/// over a temporary folder, the Elasticsearch engine over a throw-away index. The tests are skippable facts and theories
/// and each starts with <see cref="NewEngineAsync"/>, so a subclass whose engine is not available on this machine skips
/// them from <see cref="CreateEngineAsync"/>; for any other subclass they are ordinary tests.</summary>
public abstract partial class SearchEngineContract : IAsyncLifetime
{
    private readonly List<ISearchEngine> _engines = [];

    /// <summary>A new engine over a new, empty index; may call <see cref="Skip.If(bool, string)"/> when the engine cannot
    /// run here.</summary>
    protected abstract Task<ISearchEngine> CreateEngineAsync();

    /// <summary>Removes whatever <see cref="CreateEngineAsync"/> made (folders, indices), after the engines are disposed.
    /// Runs for skipped tests too, and must not throw then: a second exception would turn the skip into a failure.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            switch (engine)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }

        await CleanupAsync();
    }

    protected async Task<ISearchEngine> NewEngineAsync(params SearchDocument[] documents)
    {
        var engine = await CreateEngineAsync();
        _engines.Add(engine);
        if (documents.Length > 0)
        {
            await engine.UpsertAsync(documents);
        }

        return engine;
    }

    protected static SearchRequest Request(string? text = null) => new() { Text = text, Today = Today };

    protected static List<string> Ids(SearchResults results) => results.Hits.Select(h => h.Document.Id).ToList();

    private static async IAsyncEnumerable<SearchDocument> Stream(IEnumerable<SearchDocument> documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }

    /// <summary>Hands over the first half of <paramref name="documents"/>, waits for <paramref name="halfway"/>, then
    /// hands over the rest: whatever runs meanwhile meets a half-built new index.</summary>
    private static async IAsyncEnumerable<SearchDocument> PausingHalfway(List<SearchDocument> documents, Func<Task> halfway)
    {
        var i = 0;
        foreach (var document in documents)
        {
            if (i++ == documents.Count / 2)
            {
                await halfway();
            }

            yield return document;
        }
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; tests want the reports in order and complete.</summary>
    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
