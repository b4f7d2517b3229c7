using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Platforms;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>Penalties about the demo company (the one 企业经办人 represents), written into a site's store: decided 200 days
/// before <c>today</c> by the given department and public for 300 days more, so open to repair and to objection.</summary>
internal static class DemoCompanyPenalties
{
    public static Task WriteAsync(IServiceProvider services, DateOnly today, params (string Id, string Department)[] penalties)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(penalties);
        return services.GetRequiredService<RecordStore>().WriteRecordsAsync(RecordKind.Penalty,
            [.. penalties.Select(p =>
            {
                var penalty = RecordsSite.Penalty(p.Id, DemoIdentities.CompanyUscc, DemoIdentities.CompanyName, today.AddDays(-200), today.AddDays(300));
                penalty.Department = p.Department;
                return penalty;
            })], new ListWrite { Source = "penalties.csv" });
    }
}
