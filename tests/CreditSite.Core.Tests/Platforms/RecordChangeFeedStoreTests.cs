using CreditSite.Core.Tests.Storage;
using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditSite.Core.Tests.Platforms;

/// <summary>The change feed on a SQLite file.</summary>
public sealed class SqliteRecordChangeFeedTests : RecordChangeFeedContract
{
    protected override Task<CreditStore> CreateStoreAsync() =>
        Task.FromResult(CreditStore.FromOptions(new StorageOptions { DataPath = Files.Folder }, Files.Folder));

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

/// <summary>The change feed on a real PostgreSQL server (<c>CREDITSITE_TEST_POSTGRES</c>, started by
/// <c>scripts/test.sh</c>), in a database of its own created with a linguistic collation, where the database's own
/// order of record ids differs from code point order. Without the variable the test fails, saying so.</summary>
public sealed class PostgresRecordChangeFeedTests : RecordChangeFeedContract
{
    private string? _server;
    private string? _database;

    protected override async Task<CreditStore> CreateStoreAsync()
    {
        _server = Environment.GetEnvironmentVariable(PostgresListStoreTests.Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresListStoreTests.Variable} is not set, so the PostgreSQL change-feed test cannot run. Run `bash scripts/test.sh`.");
        _database = "creditsite_feed_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // ICU's und-x-icu ignores punctuation and case at the first level, unlike code point order.
            command.CommandText = $"CREATE DATABASE {_database} ENCODING 'UTF8' TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C'";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = _database };
        return CreditStore.FromOptions(new StorageOptions { ConnectionString = builder.ToString() }, Files.Folder);
    }

    protected override async Task DropStoreAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
