using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditSite.Search.Elasticsearch;

public static class ElasticsearchRegistration
{
    /// <summary>Registers <see cref="ElasticsearchSearchEngine"/> as the <see cref="ISearchEngine"/>, with
    /// <c>Search:Elasticsearch</c> bound and validated at start. Call it when <c>Search:Engine</c> is
    /// <c>Elasticsearch</c>; the web site and the CLI use the same registration.</summary>
    public static IServiceCollection AddElasticsearchEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ElasticsearchOptions>()
            .Bind(configuration.GetSection(ElasticsearchOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticsearchOptions>, ElasticsearchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<ElasticsearchSearchEngine>();
        services.AddSingleton<ISearchEngine>(sp => sp.GetRequiredService<ElasticsearchSearchEngine>());
        return services;
    }
}
