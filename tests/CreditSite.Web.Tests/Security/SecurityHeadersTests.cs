using System.Net;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreditSite.Web.Tests.Security;

public sealed class SecurityHeadersTests(FailingSiteFactory site) : IClassFixture<FailingSiteFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/policies/tasks?department=%E5%B8%82%01", HttpStatusCode.BadRequest)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData(FailingSiteFactory.ThrowingPath, HttpStatusCode.InternalServerError)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task PagesUseNoInlineScript()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/policies/tasks", UriKind.Relative));

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
    }

    [Fact]
    public async Task SendsHstsOverHttpsOutsideDevelopment()
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://credit.changzhou.example") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsNoHstsInDevelopment()
    {
        using var development = site.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://credit.changzhou.example") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AllowsFramingOnlyOnConfiguredPathsByConfiguredOrigins()
    {
        using var framing = site.WithWebHostBuilder(b => b
            .UseSetting("SecurityHeaders:Framing:0:PathPrefix", "/embed")
            .UseSetting("SecurityHeaders:Framing:0:AllowedOrigins:0", "https://shop.example.com")
            .UseSetting("SecurityHeaders:Framing:0:AllowedOrigins:1", "https://mall.example.cn:8443"));
        var client = framing.CreateClient();

        using var embed = await client.GetAsync(new Uri("/embed/query", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/policies", UriKind.Relative));

        Assert.Contains("frame-ancestors https://shop.example.com https://mall.example.cn:8443", Header(embed, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
    }

    [Fact]
    public async Task FormsMayLeadOnlyToThisSiteWithTheLocalProvider()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/account/sign-out", UriKind.Relative));

        Assert.Contains("form-action 'self';", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormsMayLeadToTheConfiguredIdentityProviderSoSignOutCanRedirectThere()
    {
        using var external = site.WithWebHostBuilder(b => b
            .UseSetting("Authentication:Oidc:Authority", "https://idp.jiangsu.example.gov.cn/realms/citizens")
            .UseSetting("Authentication:Oidc:ClientSecret", "test-only"));

        using var response = await external.CreateClient().GetAsync(new Uri("/policies", UriKind.Relative));

        Assert.Contains("form-action 'self' https://idp.jiangsu.example.gov.cn;", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/embed", "https://shop.example.com/path")]
    [InlineData("/embed", "https://shop.example.com; script-src *")]
    [InlineData("/embed", "*")]
    [InlineData("embed", "https://shop.example.com")]
    public void RefusesToStartWithAMalformedFramingRule(string prefix, string origin)
    {
        using var framing = site.WithWebHostBuilder(b => b
            .UseSetting("SecurityHeaders:Framing:0:PathPrefix", prefix)
            .UseSetting("SecurityHeaders:Framing:0:AllowedOrigins:0", origin));

        var error = Record.Exception(() => framing.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("SecurityHeaders", error.ToString(), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"响应缺少 {name} 头。");
}
