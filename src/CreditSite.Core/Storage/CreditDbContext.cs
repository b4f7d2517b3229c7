using CreditSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CreditSite.Storage;

/// <summary>The relational store (system of record). One model, two providers; each provider has its own small
/// subclass so that it keeps its own migrations (<c>Storage/Migrations/Sqlite</c>, <c>Storage/Migrations/PostgreSql</c>).</summary>
public abstract class CreditDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Shadow property on <see cref="ListEntry"/>: the <see cref="ImportBatch.Id"/> that last wrote it.</summary>
    public const string ChangeSeq = "ChangeSeq";

    public DbSet<ListEntry> ListEntries => Set<ListEntry>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ListEntryRemoval> ListEntryRemovals => Set<ListEntryRemoval>();

    public DbSet<PublicRecord> PublicRecords => Set<PublicRecord>();

    public DbSet<RegistrySubject> RegistrySubjects => Set<RegistrySubject>();

    public DbSet<RecordRemoval> RecordRemovals => Set<RecordRemoval>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<ListEntry>(entry =>
        {
            entry.ToTable("list_entries");
            entry.HasKey(e => e.EntryId);
            entry.Property(e => e.EntryId).HasColumnName("entry_id").HasMaxLength(ListEntryLimits.EntryId);
            entry.Property(e => e.Kind).HasColumnName("list_kind").HasMaxLength(8)
                .HasConversion(v => WireCodes.Of(v), v => WireCodes.ListKindOf(v));
            entry.Property(e => e.SubjectType).HasColumnName("subject_type").HasMaxLength(16)
                .HasConversion(v => WireCodes.Of(v), v => WireCodes.SubjectTypeOf(v));
            entry.Property(e => e.SubjectName).HasColumnName("subject_name").HasMaxLength(ListEntryLimits.SubjectName);
            entry.Property(e => e.Uscc).HasColumnName("uscc").HasMaxLength(18);
            entry.Property(e => e.ResidentIdHash).HasColumnName("resident_id_hash").HasMaxLength(64);
            entry.Property(e => e.MaskedIdNumber).HasColumnName("masked_id_number").HasMaxLength(18);
            entry.Property(e => e.SubjectKey).HasColumnName("subject_key").HasMaxLength(64);
            entry.Property(e => e.Field).HasColumnName("field").HasMaxLength(32);
            entry.Property(e => e.IssuingDepartment).HasColumnName("issuing_department").HasMaxLength(ListEntryLimits.IssuingDepartment);
            entry.Property(e => e.DecisionNumber).HasColumnName("decision_number").HasMaxLength(ListEntryLimits.DecisionNumber);
            entry.Property(e => e.DecisionDate).HasColumnName("decision_date");
            entry.Property(e => e.PublicUntil).HasColumnName("public_until");
            entry.Property(e => e.Severity).HasColumnName("severity").HasMaxLength(8)
                .HasConversion(v => WireCodes.Of(v!.Value), v => (Severity?)WireCodes.SeverityOf(v));
            entry.Property(e => e.LegalBasis).HasColumnName("legal_basis").HasMaxLength(ListEntryLimits.LegalBasis);
            entry.Property(e => e.Summary).HasColumnName("summary").HasMaxLength(ListEntryLimits.Summary);
            entry.Property(e => e.Status).HasColumnName("status").HasMaxLength(16)
                .HasConversion(v => WireCodes.Of(v), v => WireCodes.StatusOf(v));
            entry.Property(e => e.ImportedAt).HasColumnName("imported_at");
            entry.Property<long>(ChangeSeq).HasColumnName("change_seq");

            entry.HasIndex(e => e.Uscc).HasDatabaseName("ix_list_entries_uscc");
            entry.HasIndex(e => e.ResidentIdHash).HasDatabaseName("ix_list_entries_resident_id_hash");
            entry.HasIndex(e => e.SubjectKey).HasDatabaseName("ix_list_entries_subject_key");
            entry.HasIndex(e => e.DecisionDate).HasDatabaseName("ix_list_entries_decision_date");
            // The change feed pages through one batch by entry id: (change_seq, entry_id) serves it without a sort.
            entry.HasIndex(ChangeSeq, nameof(ListEntry.EntryId)).HasDatabaseName("ix_list_entries_change_seq_entry_id");
        });

        modelBuilder.Entity<ImportBatch>(batch =>
        {
            batch.ToTable("import_batches");
            batch.HasKey(b => b.Id);
            batch.Property(b => b.Id).HasColumnName("id").ValueGeneratedOnAdd();
            batch.Property(b => b.StartedAt).HasColumnName("started_at");
            batch.Property(b => b.Source).HasColumnName("source").HasMaxLength(260);
            batch.Property(b => b.Replace).HasColumnName("replace_all");
            batch.Property(b => b.RowCount).HasColumnName("row_count");
            batch.Property(b => b.Inserted).HasColumnName("inserted");
            batch.Property(b => b.Updated).HasColumnName("updated");
            batch.Property(b => b.Removed).HasColumnName("removed");
        });

        modelBuilder.Entity<ListEntryRemoval>(removal =>
        {
            removal.ToTable("list_entry_removals");
            removal.HasKey(r => r.Id);
            removal.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
            removal.Property(r => r.EntryId).HasColumnName("entry_id").HasMaxLength(ListEntryLimits.EntryId);
            removal.Property(r => r.ChangeSeq).HasColumnName("change_seq");
            removal.HasIndex(r => r.ChangeSeq).HasDatabaseName("ix_list_entry_removals_change_seq");
        });

        PublicRecordModel.Configure(modelBuilder);
        CreditRepair.CreditRepairModel.Configure(modelBuilder);
    }
}

public sealed class SqliteCreditDbContext(DbContextOptions<SqliteCreditDbContext> options) : CreditDbContext(options);

public sealed class PostgresCreditDbContext(DbContextOptions<PostgresCreditDbContext> options) : CreditDbContext(options);

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteCreditDbContext</c>; never at run time.</summary>
public sealed class SqliteCreditDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteCreditDbContext>
{
    public SqliteCreditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCreditDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresCreditDbContext</c>; no server is contacted.</summary>
public sealed class PostgresCreditDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresCreditDbContext>
{
    public PostgresCreditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCreditDbContext>().UseNpgsql("Host=localhost;Database=creditsite").Options);
}
