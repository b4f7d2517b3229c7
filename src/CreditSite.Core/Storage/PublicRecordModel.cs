using CreditSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using L = CreditSite.Storage.PublicRecordLimits;

namespace CreditSite.Storage;

/// <summary>The tables of public records (<c>public_records</c>), registry records (<c>registry_subjects</c>) and
/// their removals, as part of <see cref="CreditDbContext"/>'s model. Enums are stored as wire codes; lists (处罚类别,
/// 曾用名) as one <c>;</c>-separated column, a character neither may contain.</summary>
internal static class PublicRecordModel
{
    public const char ListSeparator = ';';

    public static void Configure(ModelBuilder modelBuilder)
    {
        var listComparer = new ValueComparer<IReadOnlyList<string>>(
            (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList());

        modelBuilder.Entity<PublicRecord>(record =>
        {
            record.ToTable("public_records");
            record.HasKey(r => new { r.Kind, r.RecordId });
            record.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(12)
                .HasConversion(v => v.Code(), v => KindOf(v));
            record.Property(r => r.RecordId).HasColumnName("record_id").HasMaxLength(L.RecordId);
            record.Property(r => r.SubjectType).HasColumnName("subject_type").HasMaxLength(24)
                .HasConversion(v => WireCodes.Of(v), v => WireCodes.SubjectTypeOf(v));
            record.Property(r => r.SubjectName).HasColumnName("subject_name").HasMaxLength(L.SubjectName);
            record.Property(r => r.Uscc).HasColumnName("uscc").HasMaxLength(18);
            record.Property(r => r.LegalRepresentative).HasColumnName("legal_representative").HasMaxLength(L.PersonName);
            record.Property(r => r.ResidentIdHash).HasColumnName("resident_id_hash").HasMaxLength(64);
            record.Property(r => r.MaskedIdNumber).HasColumnName("masked_id_number").HasMaxLength(18);
            record.Property(r => r.SubjectKey).HasColumnName("subject_key").HasMaxLength(64);
            record.Property(r => r.DecisionNumber).HasColumnName("decision_number").HasMaxLength(L.DecisionNumber);
            record.Property(r => r.DecisionDate).HasColumnName("decision_date");
            record.Property(r => r.PublicUntil).HasColumnName("public_until");
            record.Property(r => r.Department).HasColumnName("department").HasMaxLength(L.Department);
            record.Property(r => r.DepartmentUscc).HasColumnName("department_uscc").HasMaxLength(18);
            record.Property(r => r.SourceDepartment).HasColumnName("source_department").HasMaxLength(L.Department);
            record.Property(r => r.Field).HasColumnName("field").HasMaxLength(32);
            record.Property(r => r.Content).HasColumnName("content").HasMaxLength(L.LongText);
            record.Property(r => r.Status).HasColumnName("status").HasMaxLength(16)
                .HasConversion(v => v.Code(), v => StatusOf(v));
            record.Property(r => r.ViolationType).HasColumnName("violation_type").HasMaxLength(L.ShortText);
            record.Property(r => r.Facts).HasColumnName("facts").HasMaxLength(L.LongText);
            record.Property(r => r.LegalBasis).HasColumnName("legal_basis").HasMaxLength(L.LegalBasis);
            record.Property(r => r.PenaltyTypes).HasColumnName("penalty_types").HasMaxLength(L.PenaltyTypes)
                .HasConversion(v => Join(v), v => Split(v), listComparer);
            record.Property(r => r.FineAmount).HasColumnName("fine_amount").HasPrecision(18, 6);
            record.Property(r => r.ConfiscatedAmount).HasColumnName("confiscated_amount").HasPrecision(18, 6);
            record.Property(r => r.LicenceAffected).HasColumnName("licence_affected").HasMaxLength(L.ShortText);
            record.Property(r => r.Severity).HasColumnName("severity").HasMaxLength(8)
                .HasConversion(v => WireCodes.Of(v!.Value), v => (Severity?)WireCodes.SeverityOf(v));
            record.Property(r => r.SimplifiedProcedure).HasColumnName("simplified_procedure");
            record.Property(r => r.Unpublished).HasColumnName("unpublished");
            record.Property(r => r.DecisionTitle).HasColumnName("decision_title").HasMaxLength(L.ShortText);
            record.Property(r => r.Category).HasColumnName("category").HasMaxLength(32);
            record.Property(r => r.CertificateName).HasColumnName("certificate_name").HasMaxLength(L.ShortText);
            record.Property(r => r.CertificateNumber).HasColumnName("certificate_number").HasMaxLength(L.DecisionNumber);
            record.Property(r => r.ValidFrom).HasColumnName("valid_from");
            record.Property(r => r.ValidTo).HasColumnName("valid_to");
            record.Property(r => r.ImportedAt).HasColumnName("imported_at");
            record.Property(r => r.FirstImportedAt).HasColumnName("first_imported_at");
            record.Property<long>(CreditDbContext.ChangeSeq).HasColumnName("change_seq");
            record.Ignore(r => r.IsWithdrawn);

            record.HasIndex(r => r.Uscc).HasDatabaseName("ix_public_records_uscc");
            record.HasIndex(r => r.ResidentIdHash).HasDatabaseName("ix_public_records_resident_id_hash");
            record.HasIndex(r => r.SubjectKey).HasDatabaseName("ix_public_records_subject_key");
            // The timeliness page: one department's records first imported in the last 90 days.
            record.HasIndex(r => new { r.Department, r.FirstImportedAt }).HasDatabaseName("ix_public_records_department_first_imported");
            record.HasIndex(r => r.PublicUntil).HasDatabaseName("ix_public_records_public_until");
            record.HasIndex(CreditDbContext.ChangeSeq, nameof(PublicRecord.Kind), nameof(PublicRecord.RecordId))
                .HasDatabaseName("ix_public_records_change_seq");
        });

        modelBuilder.Entity<RegistrySubject>(subject =>
        {
            subject.ToTable("registry_subjects");
            subject.HasKey(s => s.Uscc);
            subject.Property(s => s.Uscc).HasColumnName("uscc").HasMaxLength(18);
            subject.Property(s => s.Name).HasColumnName("name").HasMaxLength(L.SubjectName);
            subject.Property(s => s.FormerNames).HasColumnName("former_names").HasMaxLength(L.FormerNames)
                .HasConversion(v => Join(v), v => Split(v), listComparer);
            subject.Property(s => s.EntityType).HasColumnName("entity_type").HasMaxLength(L.Department);
            subject.Property(s => s.LegalRepresentative).HasColumnName("legal_representative").HasMaxLength(L.PersonName);
            subject.Property(s => s.RegisteredOn).HasColumnName("registered_on");
            subject.Property(s => s.RegistrationAuthority).HasColumnName("registration_authority").HasMaxLength(L.Department);
            subject.Property(s => s.Address).HasColumnName("address").HasMaxLength(L.Address);
            subject.Property(s => s.Status).HasColumnName("status").HasMaxLength(8);
            subject.Property(s => s.ImportedAt).HasColumnName("imported_at");
            subject.Property<long>(CreditDbContext.ChangeSeq).HasColumnName("change_seq");
            subject.HasIndex(CreditDbContext.ChangeSeq, nameof(RegistrySubject.Uscc)).HasDatabaseName("ix_registry_subjects_change_seq");
        });

        modelBuilder.Entity<RecordRemoval>(removal =>
        {
            removal.ToTable("record_removals");
            removal.HasKey(r => r.Id);
            removal.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
            removal.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(12);
            removal.Property(r => r.RecordId).HasColumnName("record_id").HasMaxLength(L.RecordId);
            removal.Property(r => r.ChangeSeq).HasColumnName("change_seq");
            removal.Property(r => r.RemovedAt).HasColumnName("removed_at");
            removal.HasIndex(r => r.ChangeSeq).HasDatabaseName("ix_record_removals_change_seq");
            removal.HasIndex(r => r.RemovedAt).HasDatabaseName("ix_record_removals_removed_at");
        });
    }

    public static string Join(IReadOnlyList<string> values) => string.Join(ListSeparator, values);

    public static IReadOnlyList<string> Split(string? column) =>
        string.IsNullOrEmpty(column) ? [] : column.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries);

    public static RecordKind KindOf(string code) =>
        RecordText.TryParseRecordKind(code, out var kind) ? kind : throw new InvalidOperationException($"The store holds an unknown record kind '{code}'.");

    public static RecordStatus StatusOf(string code) =>
        RecordText.TryParseRecordStatus(code, out var status) ? status : throw new InvalidOperationException($"The store holds an unknown record status '{code}'.");
}
