using CreditSite.Identifiers;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The real site (real store and engine in a temporary data folder) with a fake clock standing at 10:00 on 2025-06-01 in
/// Changzhou, an allowed embedding origin, and settings a test class can add to.</summary>
public class PlatformSite : SiteFactory
{
    public const string PublicBaseUrl = "https://credit.example.cn";
    public const string AllowedOrigin = "https://shop.example.com";

    public static readonly DateOnly Today = new(2025, 6, 1);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Configuration on top of appsettings.Testing.json.</summary>
    protected virtual IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = PublicBaseUrl,
            ["Embedding:AllowedOrigins:0"] = AllowedOrigin,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A valid code whose organisation part is made from <paramref name="seed"/> (8 characters).</summary>
    public static string Code(string seed) => UnifiedSocialCreditCode.Complete("91320402" + seed).Value;
}
