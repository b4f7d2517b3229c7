using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.DepartmentDesk;

/// <summary>The overdue pass's time is checked when the site starts: a time that is not <c>HH:mm</c> stops the start
/// with a Chinese message naming the setting, before any request is served.</summary>
public sealed class OverduePassStartupTests
{
    [Theory]
    [InlineData("25:00")]
    [InlineData("凌晨一点")]
    public void TheSiteRefusesToStartWithAnOverduePassTimeThatIsNotATimeOfDay(string value)
    {
        using var site = new BadTimeSite(value);

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("OverduePassTime", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("HH:mm", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class BadTimeSite(string value) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CreditRepair:OverduePassTime", value);
        }
    }
}
