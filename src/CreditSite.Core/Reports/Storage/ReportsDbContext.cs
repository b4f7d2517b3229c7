using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CreditSite.Reports.Storage;

/// <summary>What people submit about reports: issued reports, grants and the access record. SQLite or PostgreSQL, each
/// with its own migration set (<see cref="SqliteReportsDbContext"/>, <see cref="PostgreSqlReportsDbContext"/>).</summary>
public abstract class ReportsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__reports_migrations_history";
    public const string AccessTable = "report_access_log";

    public DbSet<CreditReport> Reports => Set<CreditReport>();

    public DbSet<ReportGrant> Grants => Set<ReportGrant>();

    /// <summary>Append-only: add rows, never change them.</summary>
    public DbSet<ReportAccess> AccessLog => Set<ReportAccess>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<CreditReport>(e =>
        {
            e.ToTable("credit_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(32);
            e.Property(r => r.Number).HasMaxLength(32);
            e.HasIndex(r => r.Number).IsUnique();
            e.Property(r => r.VerificationCodeHash).HasMaxLength(64);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.SubjectKey).HasMaxLength(64);
            e.HasIndex(r => new { r.SubjectKey, r.IssuedAt });
            e.Property(r => r.SubjectName).HasMaxLength(200);
            e.Property(r => r.Uscc).HasMaxLength(18);
            e.Property(r => r.MaskedIdNumber).HasMaxLength(18);
            e.Property(r => r.GrantId).HasMaxLength(32);
            e.HasIndex(r => r.GrantId);
            e.Property(r => r.Scope).HasMaxLength(600);
            e.Property(r => r.PdfSha256).HasMaxLength(64);
            e.Ignore(r => r.IsSpecial);
        });

        modelBuilder.Entity<ReportGrant>(e =>
        {
            e.ToTable("report_grants");
            e.HasKey(g => g.Id);
            e.Property(g => g.Id).HasMaxLength(32);
            e.Property(g => g.CodeHash).HasMaxLength(64);
            e.HasIndex(g => g.CodeHash).IsUnique();
            e.Property(g => g.SubjectKey).HasMaxLength(64);
            e.HasIndex(g => g.SubjectKey);
            e.Property(g => g.SubjectName).HasMaxLength(200);
            e.Property(g => g.SubjectMaskedIdNumber).HasMaxLength(18);
            e.Property(g => g.GranteeKind).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.GranteeKey).HasMaxLength(64);
            e.HasIndex(g => g.GranteeKey);
            e.Property(g => g.GranteeName).HasMaxLength(200);
            e.Property(g => g.GranteeDisplayId).HasMaxLength(18);
            e.Property(g => g.Purpose).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.PurposeText).HasMaxLength(100);
            e.Property(g => g.ReportId).HasMaxLength(32);
            e.HasIndex(g => g.ReportId);
            e.Ignore(g => g.PurposeLabel);
            e.Ignore(g => g.IsUsedUp);
        });

        modelBuilder.Entity<ReportAccess>(e =>
        {
            e.ToTable(AccessTable);
            e.HasKey(a => a.Id);
            e.Property(a => a.ReportId).HasMaxLength(32);
            e.Property(a => a.ReportNumber).HasMaxLength(32);
            e.Property(a => a.SubjectKey).HasMaxLength(64);
            e.HasIndex(a => new { a.SubjectKey, a.At });
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.ViewerRole).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.ViewerName).HasMaxLength(200);
            e.Property(a => a.ViewerUscc).HasMaxLength(18);
            e.Property(a => a.Purpose).HasMaxLength(120);
            e.Property(a => a.GrantId).HasMaxLength(32);
        });
    }
}

/// <summary>The SQLite flavour (a file in the data folder). SQLite has no date-time-with-offset type that sorts, so
/// offsets are stored as binary ticks, which sort.</summary>
public sealed class SqliteReportsDbContext(DbContextOptions<SqliteReportsDbContext> options) : ReportsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The PostgreSQL flavour (timestamptz columns; values are written in UTC).</summary>
public sealed class PostgreSqlReportsDbContext(DbContextOptions<PostgreSqlReportsDbContext> options) : ReportsDbContext(options);
