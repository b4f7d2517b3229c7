using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.Reports;

/// <summary>Production signs reports only with the issuing body's PKCS#12 certificate from configuration: without one
/// the site refuses to start, with a Chinese message naming the setting.</summary>
public sealed class ReportSigningStartupTests
{
    [Fact]
    public void ProductionRefusesToStartWithoutTheSigningCertificate()
    {
        using var production = new ProductionSite();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("报告签章证书不可用", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Reports:SigningCertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class ProductionSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            // Every other Production requirement is met, so the certificate is what stops the start.
            builder.UseSetting("Privacy:IdHashKey", "production-test-key-0123456789-abcdefghijklmnop");
            builder.UseSetting("Authentication:Oidc:Authority", "https://idp.example.gov.cn");
            builder.UseSetting("Site:PublicBaseUrl", "https://credit.example.gov.cn");
            builder.UseSetting("Site:IdentificationCode", "3204000099");
            builder.UseSetting("Site:IcpFiling", "苏ICP备99999999号");
        }
    }
}
