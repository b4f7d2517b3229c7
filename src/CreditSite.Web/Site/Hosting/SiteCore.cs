using CreditSite.Hosting;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Storage;

namespace CreditSite.Web.Site.Hosting;

/// <summary>What every feature may rely on, registered once and first: the Production start-up checks, the site root,
/// the storage and privacy settings (bound and validated at start), the resident-ID hasher, the relational store with
/// its importer and indexer, the clock and the public address. Features declare what they use from here instead of
/// registering it again.</summary>
public static class SiteCore
{
    public static WebApplicationBuilder AddSiteCore(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // First of all: a Production start with missing or development settings stops here, before anything runs.
        ProductionSettings.Enforce(builder.Environment, builder.Configuration);
        builder.Services.AddOptions<SiteOptions>()
            .Bind(builder.Configuration.GetSection("Site"))
            .Validate(o => Directory.Exists(o.ContentPath), "Site:RootPath must hold content/.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddCreditStore(builder.Configuration, builder.SiteRoot());
        builder.Services.AddListImport();
        builder.Services.AddListIndexing(builder.Configuration, builder.SiteRoot());
        return builder;
    }

    /// <summary>The site root (<c>Site:RootPath</c>, set by <see cref="SiteHostBuilder"/>).</summary>
    public static string SiteRoot(this WebApplicationBuilder builder) =>
        builder.Configuration["Site:RootPath"] ?? throw new InvalidOperationException("Site:RootPath is set by SiteHostBuilder before features register.");

    /// <summary>The <c>Storage</c> settings, for the few decisions taken while registering (where the data folder is,
    /// which database); at run time features take <c>IOptions&lt;StorageOptions&gt;</c>.</summary>
    public static StorageOptions StorageSettings(this IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

    /// <summary>The data folder, resolved against the site root.</summary>
    public static string DataPath(this WebApplicationBuilder builder) =>
        builder.Configuration.StorageSettings().ResolveDataPath(builder.SiteRoot());
}
