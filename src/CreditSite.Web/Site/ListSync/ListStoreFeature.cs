using CreditSite.Storage;
using CreditSite.Web.Site.Hosting;

namespace CreditSite.Web.Site.ListSync;

public static class ListStoreFeature
{
    /// <summary>The system of record for list entries: the store (migrated on start), the first-start demonstration
    /// set, and the synchroniser that keeps the search index in step with the store.</summary>
    public static WebApplicationBuilder AddListStore(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The store itself is registered by AddSiteCore. Demo data is decided (and refused) here, at start-up.
        builder.Services.AddSingleton(DemoDataMode.Decide(builder.Configuration.StorageSettings(), builder.Environment));
        builder.Services.AddSingleton(new DemoDataSource(builder.SiteRoot()));
        builder.Services.AddSingleton<DemoDataSeeder>();
        // Registered in this order: the schema exists before the synchroniser's first read.
        builder.Services.AddHostedService<CreditStoreMigration>();
        builder.Services.AddSingleton<ListIndexSynchroniser>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ListIndexSynchroniser>());
        return builder;
    }
}

/// <summary>Brings the database schema up to date before the site takes requests (EF Core migrations; several nodes
/// starting together are serialised by EF Core's migration lock).</summary>
internal sealed class CreditStoreMigration(CreditStore store, ILogger<CreditStoreMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        logger.LogInformation("Store ready: {Store}", store.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The site root, for resolving a relative <c>Storage:DemoDataFile</c>.</summary>
internal sealed record DemoDataSource(string SiteRoot);
