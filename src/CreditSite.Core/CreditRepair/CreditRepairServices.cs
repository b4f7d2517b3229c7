using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;
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
    public static IServiceCollection AddCreditRepairDesk(this IServiceCollection services, IConfiguration configuration, string siteRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CreditRepairOptions>()
            .Bind(configuration.GetSection(CreditRepairOptions.Section))
            .Validate(o => o.Problem() is null,
                "CreditRepair 的设置有误：受理和决定期限应为 1 到 60 个工作日，逾期检查时间 OverduePassTime 应为 HH:mm（见 docs/repair-and-objections.md）。")
            .ValidateOnStart();
        services.AddOptions<ClamAvOptions>().Bind(configuration.GetSection(CreditRepairOptions.Section + ":ClamAv"));
        // Outside the web root: the data folder the store uses (docs/storage.md).
        services.TryAddSingleton(sp => new AttachmentVault(
            Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataPath(siteRoot), "attachments"),
            new ClamAvScanner(sp.GetRequiredService<IOptions<ClamAvOptions>>().Value)));
        services.TryAddSingleton(sp => new CreditRepairDesk(
            sp.GetRequiredService<CreditStore>(), sp.GetRequiredService<CreditCatalogue>(), sp.GetRequiredService<ContentLibrary>().Workdays,
            sp.GetRequiredService<IOptions<CreditRepairOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AttachmentVault>()));
        return services;
    }
}
