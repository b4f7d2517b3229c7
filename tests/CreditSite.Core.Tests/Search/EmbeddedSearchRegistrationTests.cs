using CreditSite.Search;
using CreditSite.Search.Embedded;
using Microsoft.Extensions.DependencyInjection;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

public sealed class EmbeddedSearchRegistrationTests : IDisposable
{
    private readonly TemporaryDataFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task RegistersOneEmbeddedEngineOverTheDataFolder()
    {
        var services = new ServiceCollection().AddEmbeddedSearchEngine(_data.Path);
        await using (var provider = services.BuildServiceProvider())
        {
            var engine = provider.GetRequiredService<ISearchEngine>();
            Assert.Same(provider.GetRequiredService<EmbeddedSearchEngine>(), engine);
            await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        }

        Assert.True(File.Exists(Path.Combine(_data.Path, "index", "CURRENT")));
    }

    [Fact]
    public void LeavesAnEngineRegisteredBeforeInPlace()
    {
        var other = new OtherEngine();
        var services = new ServiceCollection().AddSingleton<ISearchEngine>(other).AddEmbeddedSearchEngine(_data.Path);
        using var provider = services.BuildServiceProvider();

        Assert.Same(other, provider.GetRequiredService<ISearchEngine>());
    }

    private sealed class OtherEngine : ISearchEngine
    {
        public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<EngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
