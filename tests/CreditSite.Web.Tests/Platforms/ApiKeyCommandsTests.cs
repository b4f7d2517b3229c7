using CreditSite.Cli;
using CreditSite.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>creditsite api-key issue|revoke|list</c> against a real SQLite file and a real PostgreSQL server.</summary>
public sealed class ApiKeyCommandsTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "creditsite-keys-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Sqlite => new() { ["Storage:DataPath"] = _dataPath };

    [Fact]
    public async Task IssueShowsTheKeyOnceAndStoresOnlyItsHash()
    {
        var (exit, output, _) = await RunAsync(Sqlite, "issue", "--name", "常州某电商平台", "--quota", "1200");

        Assert.Equal(0, exit);
        var secret = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("csk_", StringComparison.Ordinal));
        Assert.Equal(47, secret.Length);
        Assert.Contains("额度 1200 次/分钟", output, StringComparison.Ordinal);

        SqliteConnection.ClearAllPools();
        var database = await File.ReadAllBytesAsync(Path.Combine(_dataPath, "creditsite.db"));
        Assert.Equal(-1, IndexOf(database, System.Text.Encoding.ASCII.GetBytes(secret[4..])));

        var (_, list, _) = await RunAsync(Sqlite, "list");
        Assert.Contains("常州某电商平台", list, StringComparison.Ordinal);
        Assert.Contains(secret[..10] + "…", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeMarksTheKeyRevokedInTheList()
    {
        await RunAsync(Sqlite, "issue", "--name", "甲平台");
        await RunAsync(Sqlite, "issue", "--name", "乙平台");

        var (exit, output, _) = await RunAsync(Sqlite, "revoke", "--id", "2");
        var (_, list, _) = await RunAsync(Sqlite, "list");

        Assert.Equal(0, exit);
        Assert.Contains("已吊销 API 密钥 #2：乙平台", output, StringComparison.Ordinal);
        var lines = list.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("有效", lines.Single(l => l.EndsWith("甲平台", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("已吊销", lines.Single(l => l.EndsWith("乙平台", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingAnUnknownKeyIsRejectedInput()
    {
        var (exit, _, error) = await RunAsync(Sqlite, "revoke", "--id", "42");

        Assert.Equal(1, exit);
        Assert.Contains("没有编号为 42 的 API 密钥", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "缺少子命令")]
    [InlineData(new[] { "issue", "--name", "" }, "--name")]
    [InlineData(new[] { "issue" }, "--name")]
    [InlineData(new[] { "issue", "--name", "x", "--quota", "0" }, "--quota 应为")]
    [InlineData(new[] { "issue", "--name", "x", "--quota", "many" }, "--quota 应为")]
    [InlineData(new[] { "issue", "--name" }, "选项 --name 缺少值")]
    [InlineData(new[] { "issue", "--name", "x", "--quota", "5", "--force" }, "不支持选项 --force")]
    [InlineData(new[] { "issue", "--name", "x", "--name", "y" }, "选项 --name 出现了不止一次")]
    [InlineData(new[] { "revoke", "--id", "abc" }, "--id")]
    [InlineData(new[] { "rotate" }, "未知的命令“rotate”")]
    public async Task UsageErrorsExitWithTwoAndExplain(string[] args, string message)
    {
        var (exit, _, error) = await RunAsync(Sqlite, args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("用法", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorksAgainstPostgreSqlBesideOtherTables()
    {
        var server = Environment.GetEnvironmentVariable("CREDITSITE_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server),
            "CREDITSITE_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throw-away PostgreSQL server.");
        var database = "creditsite_keys_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server!, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            // Another part of the site already has its tables here: EnsureCreated would do nothing; ours must still appear.
            await ExecuteAsync(connectionString, "CREATE TABLE list_entries (entry_id text PRIMARY KEY)");
            var postgres = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = nameof(StoreProvider.PostgreSql),
                ["Storage:ConnectionString"] = connectionString,
            };

            var (issued, output, error) = await RunAsync(postgres, "issue", "--name", "PostgreSQL 平台", "--quota", "30");
            Assert.True(issued == 0, error);
            var (listed, list, _) = await RunAsync(postgres, "list");

            Assert.Equal(0, listed);
            Assert.Contains("PostgreSQL 平台", list, StringComparison.Ordinal);
            var secret = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("csk_", StringComparison.Ordinal));
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT key_hash FROM api_keys", connection);
            var hash = (string)(await command.ExecuteScalarAsync())!;
            Assert.Equal(64, hash.Length);
            Assert.DoesNotContain(secret[4..], hash, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    /// <summary>The CLI in-process, as <c>creditsite api-key …</c>, with the store pointed at the test's database.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?> storage, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CreditSiteCli.RunAsync(["api-key", .. args], new CliConsole(output, error), storage, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
