using CreditSite.Hosting;
using CreditSite.Reports.Storage;
using CreditSite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Core.Tests.Storage;

/// <summary>Both stores choose their database by the one rule: they never split between PostgreSQL and SQLite.</summary>
public sealed class DatabaseChoiceTests
{
    public static TheoryData<string?, string?, StoreProvider> Settings => new()
    {
        { null, null, StoreProvider.Sqlite },
        { "Sqlite", null, StoreProvider.Sqlite },
        { null, "Host=db.example;Database=creditsite", StoreProvider.PostgreSql },
        { "PostgreSql", "Host=db.example;Database=creditsite", StoreProvider.PostgreSql },
    };

    [Theory]
    [MemberData(nameof(Settings), DisableDiscoveryEnumeration = true)]
    public void TheListStoreAndTheReportsStoreChooseTheSameDatabase(string? provider, string? connectionString, StoreProvider expected)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "creditsite-choice-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:DataPath"] = dataPath,
            ["Site:RootPath"] = dataPath,
        }).Build();
        try
        {
            var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()!;
            using var services = new ServiceCollection().AddLogging().AddReportsStore(configuration).BuildServiceProvider();
            using var scope = services.CreateScope();

            var reports = scope.ServiceProvider.GetRequiredService<ReportsDbContext>().Database.ProviderName;
            var lists = CreditStore.FromOptions(options, dataPath).Provider;

            Assert.Equal(expected, lists);
            Assert.Equal(expected == StoreProvider.PostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", reports);
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    [Fact]
    public void PostgreSqlWithoutAConnectionStringIsRefusedByBothWithTheSameMessage()
    {
        var options = new StorageOptions { Provider = StoreProvider.PostgreSql };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql" }).Build();

        var lists = Assert.Throws<InvalidOperationException>(() => CreditStore.FromOptions(options, Path.GetTempPath()));
        var reports = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddReportsStore(configuration));

        Assert.Equal(lists.Message, reports.Message);
        Assert.Contains("Storage:ConnectionString", lists.Message, StringComparison.Ordinal);
    }
}
