using System.Net;
using CreditSite.Import;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Hosting;

/// <summary>The site started as an operator would start it outside Development: what it refuses, and what an accepted
/// configuration publishes.</summary>
public sealed class ProductionStartTests
{
    public const string GoodKey = "a-real-looking-production-key-4f9c2b7e1d8a3c6b5e0f";

    /// <summary>A site in <paramref name="environment"/> with the valid Production settings, then <paramref name="settings"/>
    /// on top (null removes a setting).</summary>
    public sealed class ConfiguredSite(string environment, params (string Key, string? Value)[] settings) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            var values = new Dictionary<string, string?>
            {
                ["Privacy:IdHashKey"] = GoodKey,
                ["Authentication:Oidc:Authority"] = "https://idp.example.gov.cn",
                ["Authentication:Oidc:ClientSecret"] = "client-secret-from-the-provider",
                ["Site:PublicBaseUrl"] = "https://credit.example.gov.cn",
                ["Site:IdentificationCode"] = "3204000099",
                ["Site:IcpFiling"] = "苏ICP备99999999号",
                ["Reports:SigningCertificatePath"] = IssuerCertificate.Path.Value,
                ["Reports:SigningCertificatePassword"] = IssuerCertificate.Password,
            };
            foreach (var (key, value) in settings)
            {
                values[key] = value;
            }

            foreach (var (key, value) in values)
            {
                builder.UseSetting(key, value ?? string.Empty);
            }
        }
    }

    /// <summary>A signing certificate as an operator would configure one (PKCS#12 with a password, not the development
    /// certificate, which Production refuses), made once per test run.</summary>
    private static class IssuerCertificate
    {
        public const string Password = "test-only-pkcs12-password";

        public static readonly Lazy<string> Path = new(() =>
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=信用常州 测试签章, O=CreditSite tests", key, System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"creditsite-test-signing-{Guid.NewGuid():N}.p12");
            File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, Password));
            return path;
        });
    }

    public static TheoryData<string, string?, string> RefusedIdHashKeys => new()
    {
        { "missing", null, "缺少 Privacy:IdHashKey" },
        { "short", "only-twenty-nine-bytes-long-x", "Privacy:IdHashKey 过短" },
        { "development value", "development-only-id-hash-key-change-me", "Privacy:IdHashKey 是仓库中公开的开发用值" },
        { "testing value", "testing-only-id-hash-key-not-a-secret", "Privacy:IdHashKey 是仓库中公开的开发用值" },
        { "compose default", "compose-local-only-change-me", "Privacy:IdHashKey 是仓库中公开的开发用值" },
        { "contains change-me", "our-own-long-production-key-CHANGE-ME-later-please", "Privacy:IdHashKey 是仓库中公开的开发用值" },
    };

    [Theory]
    [MemberData(nameof(RefusedIdHashKeys), DisableDiscoveryEnumeration = true)]
    public void ProductionRefusesAWeakOrKnownIdHashKeyNamingTheSetting(string why, string? key, string expected)
    {
        _ = why;
        using var site = new ConfiguredSite("Production", ("Privacy:IdHashKey", key));

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Production 环境拒绝启动", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "缺少 Site:PublicBaseUrl")]
    [InlineData("http://credit.example.gov.cn", "Site:PublicBaseUrl 须为站点对外的 https 地址")]
    [InlineData("https://localhost:5080", "Site:PublicBaseUrl 须为站点对外的 https 地址")]
    public void ProductionRefusesAMissingOrLocalPublicBaseUrl(string? url, string expected)
    {
        using var site = new ConfiguredSite("Production", ("Site:PublicBaseUrl", url));

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Site:IdentificationCode", null, "缺少 Site:IdentificationCode")]
    [InlineData("Site:IdentificationCode", "演示000000", "Site:IdentificationCode 须为真实的 10 位网站标识码")]
    [InlineData("Site:IcpFiling", null, "缺少 Site:IcpFiling")]
    [InlineData("Site:IcpFiling", "演示ICP备00000000号", "Site:IcpFiling 是开发环境的演示占位值")]
    public void ProductionRefusesAMissingOrPlaceholderSiteCodeOrIcpFiling(string key, string? value, string expected)
    {
        using var site = new ConfiguredSite("Production", (key, value));

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionRefusesDemoDataUnlessExplicitlyAllowed()
    {
        using var site = new ConfiguredSite("Production", ("Storage:SeedDemoData", "true"));

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Storage:SeedDemoData 为 true", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Storage:AllowDemoDataOutsideDevelopment", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductionStartPublishesNoFabricatedEntriesAndShowsAnEmptyState()
    {
        using var site = new ConfiguredSite("Production");
        var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var blackList = await client.GetAsync(new Uri("/lists/black", UriKind.Relative));
        var api = await client.GetStringAsync(new Uri("/api/v1/search?type=list_entry", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, blackList.StatusCode);
        var html = await blackList.Content.ReadAsStringAsync();
        Assert.DoesNotContain("演示数据", html, StringComparison.Ordinal);
        Assert.Contains("\"total\":0", api, StringComparison.Ordinal);
    }
}

/// <summary>Demo data where it is on: marked on pages, API answers, feeds and badges; present in Development even when an
/// import ran before the first start.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task ADemonstrationServerOutsideDevelopmentMarksEveryPageApiAnswerFeedAndBadge()
    {
        using var site = new ProductionStartTests.ConfiguredSite("Production",
            ("Storage:SeedDemoData", "true"), ("Storage:AllowDemoDataOutsideDevelopment", "true"), ("Storage:DemoDataCount", "30"));
        var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        await WaitForEntryAsync(site, SignInDemoSubjects.FirstEntryId, indexed: true);

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var api = await client.GetStringAsync(new Uri("/api/v1/search?type=list_entry", UriKind.Relative));
        var feed = await client.GetStringAsync(new Uri("/feeds/black-list.atom", UriKind.Relative));
        var badge = await client.GetStringAsync(new Uri($"/embed/badge/{SignInDemoSubjects.CompanyUscc}.svg", UriKind.Relative));

        Assert.Contains("<strong>演示数据</strong>", home, StringComparison.Ordinal);
        Assert.Contains("\"notice\":\"演示数据：", System.Text.RegularExpressions.Regex.Unescape(api), StringComparison.Ordinal);
        Assert.Contains("<title>【演示数据】", feed, StringComparison.Ordinal);
        Assert.Contains("演示数据 · 非真实认定", badge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentAddsTheDemonstrationSetEvenWhenAnImportRanBeforeTheFirstStart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "creditsite-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var importOnly = new SiteOn(dataPath, seedDemoData: false))
            {
                _ = importOnly.CreateClient();
                var file = Path.Combine(dataPath, "one-entry.csv");
                await File.WriteAllTextAsync(file, await File.ReadAllTextAsync(Path.Combine(DeploymentFilesTests.RepositoryRoot(), "docs/examples/list-entries.csv")));
                var imported = await importOnly.Services.GetRequiredService<ListImporter>().ImportAsync(file);
                Assert.True(imported.Accepted, imported.Report.Describe());
            }

            using var site = new SiteOn(dataPath, seedDemoData: null);
            _ = site.CreateClient();

            await WaitForEntryAsync(site, SignInDemoSubjects.FirstEntryId, indexed: false);
            Assert.NotNull(await site.Services.GetRequiredService<ListStore>().FindAsync("JS-2025-000101"));
        }
        finally
        {
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Waits for the background seeding (and, when asked, indexing) to reach an entry: polled, because the
    /// seeder reports to no one; 90 s is a failure bound, not a timing claim.</summary>
    private static async Task WaitForEntryAsync(WebApplicationFactory<Program> site, string entryId, bool indexed)
    {
        var store = site.Services.GetRequiredService<ListStore>();
        var engine = site.Services.GetRequiredService<ISearchEngine>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await store.FindAsync(entryId) is null
            || (indexed && (await engine.SearchAsync(new SearchRequest { Text = entryId, Today = DateOnly.FromDateTime(DateTime.UtcNow) })).Total == 0))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{entryId} did not arrive within 90 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>A Development site on a given data folder (kept between two starts).</summary>
    private sealed class SiteOn(string dataPath, bool? seedDemoData) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataPath", dataPath);
            builder.UseSetting("Storage:DemoDataCount", "20");
            if (seedDemoData is { } seed)
            {
                builder.UseSetting("Storage:SeedDemoData", seed ? "true" : "false");
            }
        }
    }
}
