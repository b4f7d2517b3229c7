using System.Data.Common;
using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CreditSite.Platforms;

/// <summary>The API keys table, in the relational store shared with the rest of the site.</summary>
public sealed class ApiKeyDbContext(DbContextOptions<ApiKeyDbContext> options) : DbContext(options)
{
    public const string TableName = "api_keys";

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

    /// <summary>Points the context at the site's relational store, wherever <see cref="CreditStore"/> says it is (the
    /// SQLite file in the data folder, or PostgreSQL): the keys live beside the list entries.</summary>
    public static void Configure(DbContextOptionsBuilder options, CreditStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider == StoreProvider.PostgreSql)
        {
            options.UseNpgsql(store.ConnectionString);
        }
        else
        {
            options.UseSqlite(store.ConnectionString).AddInterceptors(new SqliteConnectionTuning());
        }
    }
}

/// <summary>Issues, revokes, lists and checks API keys.</summary>
public sealed class ApiKeyStore(IDbContextFactory<ApiKeyDbContext> contexts, TimeProvider time)
{
    public const int MinQuota = 1;
    public const int MaxQuota = 100_000;

    /// <summary>Quota of a key issued without <c>--quota</c>: ten times the anonymous API quota of appsettings.json.</summary>
    public const int DefaultQuotaPerMinute = 600;

    private volatile bool tableReady;

    /// <summary>Creates the <c>api_keys</c> table when it is missing. Other parts of the site keep their own tables
    /// in the same database, so <c>EnsureCreated</c> (which does nothing once any table exists) cannot be used:
    /// the table is looked up by name and only this context's tables are created.</summary>
    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        if (tableReady)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        if (!await TableExistsAsync(db, cancellationToken))
        {
            try
            {
                await creator.CreateTablesAsync(cancellationToken);
            }
            catch (DbException)
            {
                // Another process (the CLI, a second web node) may have created it at the same moment.
                if (!await TableExistsAsync(db, cancellationToken))
                {
                    throw;
                }
            }
        }

        tableReady = true;
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

    private static async Task<bool> TableExistsAsync(ApiKeyDbContext db, CancellationToken cancellationToken)
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
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'api_keys'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'api_keys'";
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return count > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
