using System.Text;
using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditSite.Core.Tests.Storage;

/// <summary>A fresh, empty database for one test: a SQLite file in the test's folder, or a database of its own on the
/// PostgreSQL server <c>scripts/test.sh</c> starts (<see cref="PostgresListStoreTests.Variable"/>).</summary>
public abstract class TestDatabase
{
    public abstract Task<CreditStore> CreateAsync(string folder);

    public abstract Task DropAsync();

    /// <summary>Everything the database holds, as text (for the privacy checks).</summary>
    public abstract Task<string> ReadEverythingStoredAsync();

    /// <summary>Names of the indexes on <paramref name="table"/>, sorted.</summary>
    public abstract Task<List<string>> IndexNamesAsync(string table);

    public static TestDatabase Sqlite() => new SqliteTestDatabase();

    public static TestDatabase Postgres() => new PostgresTestDatabase();

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private string _folder = string.Empty;

        private string DatabasePath => Path.Combine(_folder, CreditStore.SqliteFileName);

        public override Task<CreditStore> CreateAsync(string folder)
        {
            _folder = folder;
            return Task.FromResult(CreditStore.FromOptions(new StorageOptions { DataPath = folder }, folder));
        }

        public override Task DropAsync()
        {
            SqliteConnection.ClearAllPools();
            return Task.CompletedTask;
        }

        /// <summary>The raw bytes of the database file and its write-ahead log, read as text.</summary>
        public override Task<string> ReadEverythingStoredAsync()
        {
            SqliteConnection.ClearAllPools();
            Assert.True(File.Exists(DatabasePath));
            var text = new StringBuilder();
            foreach (var file in Directory.GetFiles(_folder, CreditStore.SqliteFileName + "*"))
            {
                text.Append(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
                text.Append(Encoding.UTF8.GetString(File.ReadAllBytes(file)));
            }

            return Task.FromResult(text.ToString());
        }

        public override async Task<List<string>> IndexNamesAsync(string table)
        {
            await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $table ORDER BY name";
            command.Parameters.AddWithValue("$table", table);
            return await ReadStringsAsync(command);
        }
    }

    private sealed class PostgresTestDatabase : TestDatabase
    {
        private string? _server;
        private string? _database;

        private string DatabaseConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

        public override async Task<CreditStore> CreateAsync(string folder)
        {
            _server = Environment.GetEnvironmentVariable(PostgresListStoreTests.Variable) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    $"{PostgresListStoreTests.Variable} is not set, so the PostgreSQL store tests cannot run. Run `bash scripts/test.sh`, which " +
                    "starts a throw-away PostgreSQL server and sets it, or set it to an Npgsql connection string of a server you started.");
            _database = "creditsite_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(_server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE {_database} ENCODING 'UTF8'";
                await command.ExecuteNonQueryAsync();
            }

            return CreditStore.FromOptions(new StorageOptions { ConnectionString = DatabaseConnectionString }, folder);
        }

        public override async Task DropAsync()
        {
            if (_database is null)
            {
                return;
            }

            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>Every row of every table, as PostgreSQL renders it as text.</summary>
        public override async Task<string> ReadEverythingStoredAsync()
        {
            await using var connection = new NpgsqlConnection(DatabaseConnectionString);
            await connection.OpenAsync();
            List<string> tables;
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public'";
                tables = await ReadStringsAsync(list);
            }

            Assert.Contains("public_records", tables);
            var text = new StringBuilder();
            foreach (var table in tables)
            {
                await using var dump = connection.CreateCommand();
                dump.CommandText = $"SELECT t::text FROM {table} t";
                text.AppendJoin('\n', await ReadStringsAsync(dump)).Append('\n');
            }

            return text.ToString();
        }

        public override async Task<List<string>> IndexNamesAsync(string table)
        {
            await using var connection = new NpgsqlConnection(DatabaseConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT indexname FROM pg_indexes WHERE tablename = $1 ORDER BY indexname";
            command.Parameters.AddWithValue(table);
            return await ReadStringsAsync(command);
        }
    }

    private static async Task<List<string>> ReadStringsAsync(System.Data.Common.DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
