using CreditSite.Hosting;
using CreditSite.Identifiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditSite.Storage;

public static class CreditStoreServices
{
    /// <summary>The store and the ID hasher, configured from <c>Storage</c> and <c>Privacy</c>. The web site and the CLI
    /// both call this (with <c>AddListImport</c> and <c>AddListIndexing</c>), so they share one data folder, one
    /// database and one hash key.</summary>
    public static IServiceCollection AddCreditStore(this IServiceCollection services, IConfiguration configuration, string siteRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(siteRoot);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.ProviderError is null, StorageOptions.MissingConnectionString)
            .Validate(o => o.DemoDataCount is > 0 and <= 10_000_000, "Storage:DemoDataCount 应在 1 到 10000000 之间。")
            .ValidateOnStart();
        // Plain checks rather than data annotations, whose failure text wraps the message in English.
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => !string.IsNullOrEmpty(o.IdHashKey), PrivacyOptions.MissingKey)
            .Validate(o => string.IsNullOrEmpty(o.IdHashKey) || o.IdHashKey.Length >= PrivacyOptions.MinKeyLength, PrivacyOptions.ShortKey)
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ResidentIdHasher(sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.IdHashKey));
        services.TryAddSingleton(sp => CreditStore.FromOptions(sp.GetRequiredService<IOptions<StorageOptions>>().Value, siteRoot));
        services.TryAddSingleton<ListStore>();
        services.TryAddSingleton<RecordStore>();
        return services;
    }
}
