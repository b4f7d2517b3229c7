using CreditSite.Search.Elasticsearch;
using CreditSite.Search.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Search;

public static class SearchEngineRegistration
{
    /// <summary>Registers the <see cref="ISearchEngine"/> chosen by <c>Search:Engine</c>, for the web site and the CLI
    /// alike, over the same data folder.</summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateOnStart();
        services.AddOptions<EmbeddedSearchOptions>().Bind(configuration.GetSection($"{SearchOptions.Section}:Embedded")).ValidateDataAnnotations().ValidateOnStart();
        switch (options.Engine)
        {
            case SearchEngineKind.Embedded:
                services.AddEmbeddedSearchEngine(dataPath, new EmbeddedIndexSettings
                {
                    ResultCacheEntries = options.Embedded.ResultCacheEntries,
                    ResultCacheMegabytes = options.Embedded.ResultCacheMegabytes,
                    SampleAbove = options.Embedded.SampleAbove,
                });
                break;
            case SearchEngineKind.Elasticsearch:
                services.AddElasticsearchEngine(configuration);
                break;
            default:
                throw new InvalidOperationException($"Search:Engine '{options.Engine}' is not available in this build.");
        }

        return services;
    }
}
