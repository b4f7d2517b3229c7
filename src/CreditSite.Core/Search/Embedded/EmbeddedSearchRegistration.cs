using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CreditSite.Search.Embedded;

public static class EmbeddedSearchRegistration
{
    /// <summary>Registers <see cref="EmbeddedSearchEngine"/> over <c>{dataPath}/index/</c> as the
    /// <see cref="ISearchEngine"/> unless another engine (Elasticsearch) is registered already; a later
    /// registration of another engine wins. The web site and the CLI use the same call with the same data folder, which
    /// is how an import in the CLI reaches the running site.</summary>
    public static IServiceCollection AddEmbeddedSearchEngine(this IServiceCollection services, Func<IServiceProvider, string> dataPath,
        EmbeddedIndexSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        services.AddLogging();
        services.TryAddSingleton(sp => new EmbeddedSearchEngine(
            dataPath(sp), sp.GetService<ILogger<EmbeddedSearchEngine>>(), settings, sp.GetService<TimeProvider>()));
        services.TryAddSingleton<ISearchEngine>(sp => sp.GetRequiredService<EmbeddedSearchEngine>());
        return services;
    }

    public static IServiceCollection AddEmbeddedSearchEngine(this IServiceCollection services, string dataPath, EmbeddedIndexSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        return services.AddEmbeddedSearchEngine(_ => dataPath, settings);
    }
}
