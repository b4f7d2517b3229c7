using CreditSite.Hosting;
using CreditSite.Storage;

namespace CreditSite.Web.Features.ListSync;

public static class ListStoreFeature
{
    /// <summary>The system of record for list entries: the store (migrated on start), the first-start demonstration
    /// set, and the synchroniser that keeps the search index in step with the store.</summary>
    public static WebApplicationBuilder AddListStore(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = builder.Configuration["Site:RootPath"]
            ?? throw new InvalidOperationException("Site:RootPath is set by SiteHostBuilder before features register.");
        builder.Services.AddCreditStore(builder.Configuration, root);
        // Decided (and refused) here, at start-up, before anything could seed.
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(DemoDataMode.Decide(storage, builder.Environment));
        builder.Services.AddSingleton(new DemoDataSource(root));
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
