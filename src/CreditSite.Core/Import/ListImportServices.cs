using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreditSite.Import;

public static class ListImportServices
{
    /// <summary>The importers of list entries and of public and registry records, over the store of
    /// <c>AddCreditStore</c>. They need the <c>CreditCatalogue</c> singleton, which the host registers (the site's
    /// content publishing, the CLI's <c>CliServices</c>).</summary>
    public static IServiceCollection AddListImport(this IServiceCollection services)
    {
        services.TryAddSingleton<ListImporter>();
        services.TryAddSingleton<RecordImporter>();
        return services;
    }
}
