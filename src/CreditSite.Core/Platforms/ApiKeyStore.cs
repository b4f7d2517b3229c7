using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CreditSite.Platforms;

/// <summary>The API keys table, in the relational store shared with the rest of the site, under EF Core migrations of
/// its own for each provider (<see cref="SqliteApiKeyDbContext"/>, <see cref="PostgreSqlApiKeyDbContext"/>; history
/// table <see cref="MigrationsHistoryTable"/>), so its schema changes like every other table's.</summary>
public abstract class ApiKeyDbContext(DbContextOptions options) : DbContext(options)
{
    public const string TableName = "api_keys";
    public const string MigrationsHistoryTable = "__api_keys_migrations_history";

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var key = modelBuilder.Entity<ApiKey>();
        key.ToTable(TableName);
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasColumnName("id");
        key.Property(k => k.Name).HasColumnName("name").HasMaxLength(200);
        key.Property(k => k.KeyHash).HasColumnName("key_hash").HasMaxLength(64);
        key.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(20);
        key.Property(k => k.QuotaPerMinute).HasColumnName("quota_per_minute");
        key.Property(k => k.IssuedAt).HasColumnName("issued_at");
        key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        key.HasIndex(k => k.KeyHash).IsUnique();
    }

    /// <summary>A context on the site's relational store, wherever <see cref="CreditStore"/> says it is (the SQLite file
    /// in the data folder, or PostgreSQL): the keys live beside the list entries.</summary>
    public static ApiKeyDbContext Create(CreditStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider == StoreProvider.PostgreSql)
        {
            return new PostgreSqlApiKeyDbContext(new DbContextOptionsBuilder<PostgreSqlApiKeyDbContext>()
                .UseNpgsql(store.ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
        }

        return new SqliteApiKeyDbContext(new DbContextOptionsBuilder<SqliteApiKeyDbContext>()
            .UseSqlite(store.ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(new SqliteConnectionTuning()).Options);
    }
}

public sealed class SqliteApiKeyDbContext(DbContextOptions<SqliteApiKeyDbContext> options) : ApiKeyDbContext(options);

public sealed class PostgreSqlApiKeyDbContext(DbContextOptions<PostgreSqlApiKeyDbContext> options) : ApiKeyDbContext(options);

/// <summary>Makes the provider's API key context for the site's store (the site and the CLI both use it).</summary>
public sealed class ApiKeyDbContextFactory(CreditStore store) : IDbContextFactory<ApiKeyDbContext>
{
    public ApiKeyDbContext CreateDbContext() => ApiKeyDbContext.Create(store);
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteApiKeyDbContext</c>.</summary>
internal sealed class SqliteApiKeyDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApiKeyDbContext>
{
    public SqliteApiKeyDbContext CreateDbContext(string[] args) =>
        (SqliteApiKeyDbContext)ApiKeyDbContext.Create(new CreditStore(StoreProvider.Sqlite, "Data Source=design-time.db"));
}

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlApiKeyDbContext</c> (no server needed to add one).</summary>
internal sealed class PostgreSqlApiKeyDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlApiKeyDbContext>
{
    public PostgreSqlApiKeyDbContext CreateDbContext(string[] args) =>
        (PostgreSqlApiKeyDbContext)ApiKeyDbContext.Create(new CreditStore(StoreProvider.PostgreSql, "Host=localhost;Database=creditsite"));
}

/// <summary>Issues, revokes, lists and checks API keys.</summary>
public sealed class ApiKeyStore(IDbContextFactory<ApiKeyDbContext> contexts, TimeProvider time)
{
    public const int MinQuota = 1;
    public const int MaxQuota = 100_000;

    /// <summary>Quota of a key issued without <c>--quota</c>: ten times the anonymous API quota of appsettings.json.</summary>
    public const int DefaultQuotaPerMinute = 600;

    private volatile bool _tableReady;

    /// <summary>Brings the <c>api_keys</c> schema up to date (EF Core migrations; the migration lock serialises the
    /// CLI and several web nodes). A table made by hand before the migrations existed is adopted: its baseline is
    /// recorded as applied instead of being created a second time.</summary>
    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        if (_tableReady)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)
            && !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
            && await TableExistsAsync(db, ApiKeyDbContext.TableName, cancellationToken))
        {
            await AdoptBaselineAsync(db, cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        _tableReady = true;
    }

    private static async Task AdoptBaselineAsync(ApiKeyDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        var baseline = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
    }

    public async Task<(ApiKey Key, string Secret)> IssueAsync(string name, int quotaPerMinute, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(quotaPerMinute, MinQuota);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quotaPerMinute, MaxQuota);
        await EnsureTableAsync(cancellationToken);
        var (secret, hash) = ApiKeySecret.Create();
        var key = new ApiKey
        {
            Name = name.Trim(),
            KeyHash = hash,
            Prefix = ApiKeySecret.PrefixOf(secret),
            QuotaPerMinute = quotaPerMinute,
            IssuedAt = time.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    /// <summary>False when no key has that id; revoking a revoked key keeps its first revocation time.</summary>
    public async Task<ApiKey?> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return null;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The unrevoked key matching a presented secret, or null.</summary>
    public async Task<ApiKey?> FindActiveAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (ApiKeySecret.TryHash(presented) is not { } hash)
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        return key is { IsRevoked: false } ? key : null;
    }

    private static async Task<bool> TableExistsAsync(ApiKeyDbContext db, string table, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsNpgsql()
                ? $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'"
                : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return count > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
