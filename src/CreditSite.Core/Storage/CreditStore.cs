using CreditSite.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CreditSite.Storage;

/// <summary>The relational store as configured: which provider, where, and how to open a context on it.
/// SQLite by default (<c>{data}/creditsite.db</c>); PostgreSQL when <c>Storage:ConnectionString</c> is set.</summary>
public sealed class CreditStore
{
    public const string SqliteFileName = "creditsite.db";

    private readonly Func<CreditDbContext> _create;

    public CreditStore(StoreProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == StoreProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteCreditDbContext>()
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(600))
                .AddInterceptors(new SqliteConnectionTuning())
                .Options;
            _create = () => new SqliteCreditDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgresCreditDbContext>()
                .UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(600))
                .Options;
            _create = () => new PostgresCreditDbContext(options);
        }
    }

    public StoreProvider Provider { get; }

    internal string ConnectionString { get; }

    /// <summary>Where the store is, for messages: the SQLite file, or the PostgreSQL host and database (no password).</summary>
    public string Description => Provider == StoreProvider.Sqlite
        ? "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : DescribePostgres(ConnectionString);

    public static CreditStore FromOptions(StorageOptions options, string siteRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EffectiveProvider == StoreProvider.PostgreSql)
        {
            return options.ProviderError is { } error
                ? throw new InvalidOperationException(error)
                : new CreditStore(StoreProvider.PostgreSql, options.ConnectionString!);
        }

        var dataPath = options.ResolveDataPath(siteRoot);
        Directory.CreateDirectory(dataPath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, SqliteFileName),
            Pooling = true,
        };
        return new CreditStore(StoreProvider.Sqlite, builder.ToString());
    }

    public CreditDbContext CreateContext() => _create();

    /// <summary>Brings the schema up to date with this provider's migrations. Safe to call from several processes at
    /// once: EF Core takes a migration lock.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        if (Provider == StoreProvider.Sqlite)
        {
            // WAL lets the site read while an import writes; the setting is kept in the database file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
