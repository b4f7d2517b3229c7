using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditSite.CreditRepair;

public static class CreditRepairServices
{
    /// <summary>The desk over the store of <c>AddCreditStore</c>, the catalogue and the content library's working-day
    /// calendar; the <c>CreditRepair</c> time limits are checked at start.</summary>
    public static IServiceCollection AddCreditRepairDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CreditRepairOptions>()
            .Bind(configuration.GetSection(CreditRepairOptions.Section))
            .Validate(o => o.Problem() is null, "CreditRepair 的期限设置有误：受理和决定期限应为 1 到 60 个工作日（见 docs/repair-and-objections.md）。")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new CreditRepairDesk(
            sp.GetRequiredService<CreditStore>(), sp.GetRequiredService<CreditCatalogue>(), sp.GetRequiredService<ContentLibrary>().Workdays,
            sp.GetRequiredService<IOptions<CreditRepairOptions>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
