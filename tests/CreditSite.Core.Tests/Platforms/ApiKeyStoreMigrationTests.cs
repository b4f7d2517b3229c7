using CreditSite.Hosting;
using CreditSite.Platforms;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Core.Tests.Platforms;

/// <summary>The api_keys table under migrations: created by them on a new store, and a table made by hand before
/// they existed is adopted with its keys.</summary>
public sealed class ApiKeyStoreMigrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "creditsite-keys-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private ApiKeyStore Store() =>
        new(new ApiKeyDbContextFactory(new CreditStore(StoreProvider.Sqlite, $"Data Source={_file}")), TimeProvider.System);

    [Fact]
    public async Task ANewStoreGetsTheTableFromTheMigrations()
    {
        var (key, _) = await Store().IssueAsync("平台甲", 100);

        await using var db = ApiKeyDbContext.Create(new CreditStore(StoreProvider.Sqlite, $"Data Source={_file}"));
        Assert.Equal(key.Id, Assert.Single(await db.ApiKeys.ToListAsync()).Id);
        Assert.Single(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task ATableMadeByHandBeforeTheMigrationsIsAdoptedWithItsKeys()
    {
        await using (var connection = new SqliteConnection($"Data Source={_file}"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            // The schema the store used to create with EnsureCreated's table script.
            create.CommandText = """
                CREATE TABLE "api_keys" ("id" INTEGER NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL,
                  "key_hash" TEXT NOT NULL, "prefix" TEXT NOT NULL, "quota_per_minute" INTEGER NOT NULL, "issued_at" TEXT NOT NULL, "revoked_at" TEXT NULL);
                CREATE UNIQUE INDEX "IX_api_keys_key_hash" ON "api_keys" ("key_hash");
                INSERT INTO api_keys (name, key_hash, prefix, quota_per_minute, issued_at) VALUES ('旧平台', 'abc', 'csk_abc', 60, '2026-11-01 00:00:00+00:00');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var keys = await Store().ListAsync();

        Assert.Equal("旧平台", Assert.Single(keys).Name);
    }
}
