using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreditSite.Import;

public static class ListImportServices
{
    /// <summary>The list importer, over the store of <c>AddCreditStore</c>.</summary>
    public static IServiceCollection AddListImport(this IServiceCollection services)
    {
        services.TryAddSingleton<ListImporter>();
        return services;
    }
}
