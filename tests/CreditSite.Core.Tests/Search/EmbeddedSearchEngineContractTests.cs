using CreditSite.Search;
using CreditSite.Search.Embedded;

namespace CreditSite.Core.Tests.Search;

/// <summary>The search contract against the embedded Lucene engine over a real index in a temporary folder.</summary>
public sealed class EmbeddedSearchEngineContractTests : SearchEngineContract, IDisposable
{
    private readonly TemporaryDataFolder _data = new();

    protected override Task<ISearchEngine> CreateEngineAsync() =>
        Task.FromResult<ISearchEngine>(new EmbeddedSearchEngine(_data.Path));

    // xUnit disposes the engines (IAsyncLifetime) before calling this.
    public void Dispose() => _data.Dispose();
}

/// <summary>A data folder under the system temp folder, removed afterwards.</summary>
public sealed class TemporaryDataFolder : IDisposable
{
    public TemporaryDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "creditsite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
