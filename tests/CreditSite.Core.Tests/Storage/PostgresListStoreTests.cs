using System.Text;
using CreditSite.Hosting;
using CreditSite.Storage;
using Npgsql;

namespace CreditSite.Core.Tests.Storage;

/// <summary>The list store on a real PostgreSQL server (the one <c>scripts/test.sh</c> starts), each test in a database
/// of its own. Without <c>CREDITSITE_TEST_POSTGRES</c> every test here fails, saying so: a skipped PostgreSQL path
/// would look like a tested one.</summary>
public sealed class PostgresListStoreTests : ListStoreContract
{
    public const string Variable = "CREDITSITE_TEST_POSTGRES";

    private string? _server;
    private string? _database;

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL store tests cannot run. Run `bash scripts/test.sh`, which starts a " +
                "throw-away PostgreSQL server and sets it, or set it to an Npgsql connection string of a server you started.");

    protected override async Task<CreditStore> CreateStoreAsync()
    {
        _server = ServerConnectionString();
        _database = "creditsite_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {_database} ENCODING 'UTF8'";
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

    protected override async Task<List<string>> ListEntryIndexNamesAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = _database };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT indexname FROM pg_indexes WHERE tablename = 'list_entries' ORDER BY indexname";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Every row of every table in the test database, as PostgreSQL renders it as text.</summary>
    protected override async Task<string> ReadEverythingStoredAsync()
    {
        Assert.Equal(StoreProvider.PostgreSql, Store.Provider);
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = _database };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("list_entries", tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var dump = connection.CreateCommand();
            dump.CommandText = $"SELECT t::text FROM {table} t";
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }
}
