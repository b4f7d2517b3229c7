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
            builder.UseSetting("Site:IdentificationCode", "3204000099");
            builder.UseSetting("Site:IcpFiling", "苏ICP备99999999号");
        }
    }
}

/// <summary>Discovery the way a strict client does it (OpenID Connect Discovery 1.0 §4.1, §4.3): take the issuer, fetch
/// {issuer}/.well-known/openid-configuration, and require the document to name that same issuer.</summary>
[Collection(SharedSites.Plain)]
public sealed class LocalIdentityProviderDiscoveryTests(SiteFactory site)
{
    [Fact]
    public async Task TheDiscoveryDocumentIsWhereItsIssuerSaysAndNamesTheSameIssuer()
    {
        var client = site.CreateClient();
        using var known = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync(new Uri("/local-idp/.well-known/openid-configuration", UriKind.Relative)));
        var issuer = known.RootElement.GetProperty("issuer").GetString()!;

        var response = await client.GetAsync(new Uri(issuer.TrimEnd('/') + "/.well-known/openid-configuration"));
        using var discovered = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issuer, discovered.RootElement.GetProperty("issuer").GetString());
        Assert.StartsWith(issuer.TrimEnd('/'), discovered.RootElement.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
    }
}

[Collection(SharedSites.Plain)]
public sealed class LocalIdentityProviderPageTests(SiteFactory site)
{
    [Fact]
    public async Task TheProvidersAddressShowsTheDemoIdentitiesAndTheWayToSignIn()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/local-idp", UriKind.Relative));

        Assert.Contains("演示身份认证", html, StringComparison.Ordinal);
        Assert.Contains("有失信记录的个人", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in\"", html, StringComparison.Ordinal);
    }
}

public sealed class HeaderAccountTests(CreditSite.Web.Tests.Reports.ReportsSite site) : IClassFixture<CreditSite.Web.Tests.Reports.ReportsSite>
{
    [Fact]
    public async Task EveryPageShowsWhoIsSignedInAndOffersSignOut()
    {
        var client = await site.SignInAsync(CreditSite.Web.Features.LocalIdentityProvider.DemoIdentities.CleanPerson);

        var policies = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/policies", UriKind.Relative)));
        var anonymous = await site.CreateClient().GetStringAsync(new Uri("/policies", UriKind.Relative));

        Assert.Contains("已登录：李娜", policies, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/sign-out\"", policies, StringComparison.Ordinal);
        Assert.DoesNotContain("已登录", System.Net.WebUtility.HtmlDecode(anonymous), StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in\"", anonymous, StringComparison.Ordinal);
    }
}
