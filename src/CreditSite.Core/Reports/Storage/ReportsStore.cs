using CreditSite.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditSite.Reports.Storage;

public static class ReportsStore
{
    /// <summary>The SQLite file's name in the data folder.</summary>
    public const string SqliteFileName = "reports.db";

    /// <summary>Registers <see cref="ReportsDbContext"/> for the provider chosen by the one rule the list store uses too
    /// (<see cref="StorageOptions.EffectiveProvider"/>: a connection string means PostgreSQL, else a SQLite file in the
    /// data folder) and applies migrations at start-up.</summary>
    public static IServiceCollection AddReportsStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.EffectiveProvider == StoreProvider.PostgreSql)
        {
            var connectionString = storage.ProviderError is { } error ? throw new InvalidOperationException(error) : storage.ConnectionString!;
            services.AddDbContext<ReportsDbContext, PostgreSqlReportsDbContext>(o => UsePostgreSql(o, connectionString));
        }
        else
        {
            var siteRoot = configuration["Site:RootPath"];
            var dataPath = storage.ResolveDataPath(string.IsNullOrEmpty(siteRoot) ? SiteRoot.Find() : siteRoot);
            var connectionString = $"Data Source={Path.Combine(dataPath, SqliteFileName)}";
            services.AddDbContext<ReportsDbContext, SqliteReportsDbContext>(o => UseSqlite(o, connectionString));
            services.AddSingleton(new ReportsDataFolder(dataPath));
        }

        services.AddHostedService<ReportsDatabaseMigrator>();
        return services;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(ReportsDbContext.MigrationsHistoryTable));

    public static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(ReportsDbContext.MigrationsHistoryTable));
}

/// <summary>The data folder the SQLite file lives in; created before migrating.</summary>
internal sealed record ReportsDataFolder(string Path);

/// <summary>Brings the reports schema up to date when the site starts. EF Core takes a database lock while migrating,
/// so several nodes starting together do not trip over each other.</summary>
internal sealed class ReportsDatabaseMigrator(IServiceProvider services, ILogger<ReportsDatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ReportsDataFolder>() is { } folder)
        {
            Directory.CreateDirectory(folder.Path);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Reports store ready ({Provider}).", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteReportsDbContext</c>.</summary>
internal sealed class SqliteReportsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReportsDbContext>
{
    public SqliteReportsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteReportsDbContext>)ReportsStore.UseSqlite(new DbContextOptionsBuilder<SqliteReportsDbContext>(), "Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlReportsDbContext</c> (no server needed to add one).</summary>
internal sealed class PostgreSqlReportsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlReportsDbContext>
{
    public PostgreSqlReportsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlReportsDbContext>)ReportsStore.UsePostgreSql(new DbContextOptionsBuilder<PostgreSqlReportsDbContext>(), "Host=localhost;Database=creditsite").Options);
}
