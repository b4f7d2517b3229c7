using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.SignIn;

public sealed class LocalIdentityProviderTests
{
    [Fact]
    public void RefusesToStartInProductionWithAClearMessage()
    {
        using var production = new ProductionSite();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Production 环境拒绝启动", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("缺少 Authentication:Oidc:Authority", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishesDiscoveryWithPkceAndTheCodeFlowOnly()
    {
        using var site = new SiteFactory();

        var json = await site.CreateClient().GetStringAsync(new Uri("/local-idp/.well-known/openid-configuration", UriKind.Relative));

        Assert.Contains("\"authorization_endpoint\": \"http://localhost/local-idp/authorize\"", json.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"S256\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"implicit\"", json, StringComparison.Ordinal);
    }

    private sealed class ProductionSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Privacy:IdHashKey", "production-test-key-0123456789-abcdefghijklmnop");
            builder.UseSetting("Site:PublicBaseUrl", "https://credit.example.gov.cn");
        }
    }
}
