using CreditSite.Platforms;
using CreditSite.Reports.Storage;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Core.Tests.Storage;

/// <summary>Every table is under EF Core migrations for both providers, and each migration set matches its model: a
/// model change without a migration fails here, not on a server at start-up.</summary>
public sealed class MigrationSetTests
{
    public static TheoryData<string> Contexts =>
    [
        "list store · SQLite", "list store · PostgreSQL",
        "reports · SQLite", "reports · PostgreSQL",
        "API keys · SQLite", "API keys · PostgreSQL",
    ];

    private static DbContext Create(string name) => name switch
    {
        "list store · SQLite" => new SqliteCreditDbContextDesignFactory().CreateDbContext([]),
        "list store · PostgreSQL" => new PostgresCreditDbContextDesignFactory().CreateDbContext([]),
        "reports · SQLite" => new SqliteReportsDesignTimeFactory().CreateDbContext([]),
        "reports · PostgreSQL" => new PostgreSqlReportsDesignTimeFactory().CreateDbContext([]),
        "API keys · SQLite" => new SqliteApiKeyDesignTimeFactory().CreateDbContext([]),
        "API keys · PostgreSQL" => new PostgreSqlApiKeyDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void TheMigrationSetMatchesTheModel(string context)
    {
        using var db = Create(context);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{context}: the model has changes no migration holds. Add a migration for both providers (docs/storage.md, Migrations).");
    }
}
