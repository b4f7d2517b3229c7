using CreditSite.Hosting;
using CreditSite.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditSite.Indexing;

public static class ListIndexingServices
{
    /// <summary>The list indexer and its checkpoint (a file in the data folder, one per engine, so switching engines
    /// re-indexes from the start), over the store of <c>AddCreditStore</c>.</summary>
    public static IServiceCollection AddListIndexing(this IServiceCollection services, IConfiguration configuration, string siteRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(sp => new ListIndexCheckpoint(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataPath(siteRoot),
            configuration[$"{SearchOptions.Section}:{nameof(SearchOptions.Engine)}"] ?? nameof(SearchEngineKind.Embedded)));
        services.TryAddSingleton<ListIndexer>();
        return services;
    }
}
