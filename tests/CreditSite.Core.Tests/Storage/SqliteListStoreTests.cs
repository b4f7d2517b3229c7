using System.Text;
using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;

namespace CreditSite.Core.Tests.Storage;

/// <summary>The list store on a SQLite file, as the site uses it by default.</summary>
public sealed class SqliteListStoreTests : ListStoreContract
{
    private string DatabasePath => Path.Combine(Files.Folder, CreditStore.SqliteFileName);

    protected override Task<CreditStore> CreateStoreAsync() =>
        Task.FromResult(CreditStore.FromOptions(new StorageOptions { DataPath = Files.Folder }, Files.Folder));

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    protected override async Task<List<string>> ListEntryIndexNamesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'list_entries' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The raw bytes of the database file and its write-ahead log, read as text.</summary>
    protected override Task<string> ReadEverythingStoredAsync()
    {
        SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Files.Folder, CreditStore.SqliteFileName + "*"))
        {
            text.Append(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
            text.Append(Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        }

        Assert.True(File.Exists(DatabasePath));
        return Task.FromResult(text.ToString());
    }
}
