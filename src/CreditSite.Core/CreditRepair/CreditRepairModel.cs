using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.CreditRepair;

/// <summary>The credit-repair tables as part of <see cref="CreditDbContext"/>'s model, so that a decision and its
/// effect on the record commit in one transaction. Enums are stored as wire codes.</summary>
internal static class CreditRepairModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RepairRequest>(request =>
        {
            request.ToTable("repair_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
            request.Property(r => r.Number).HasColumnName("number").HasMaxLength(24);
            request.Property(r => r.QueryCodeHash).HasColumnName("query_code_hash").HasMaxLength(64);
            request.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(12)
                .HasConversion(v => RequestText.Code(v), v => RequestText.KindOf(v));
            request.Property(r => r.RecordKind).HasColumnName("record_kind").HasMaxLength(12)
                .HasConversion(v => v.Code(), v => RequestRecordKinds.Of(v));
            request.Property(r => r.RecordId).HasColumnName("record_id").HasMaxLength(PublicRecordLimits.RecordId);
            request.Property(r => r.Department).HasColumnName("department").HasMaxLength(PublicRecordLimits.Department);
            request.Property(r => r.DepartmentUscc).HasColumnName("department_uscc").HasMaxLength(18);
            request.Property(r => r.ApplicantSubjectKey).HasColumnName("applicant_subject_key").HasMaxLength(64);
            request.Property(r => r.ApplicantName).HasColumnName("applicant_name").HasMaxLength(PublicRecordLimits.PersonName);
            request.Property(r => r.ContactPhone).HasColumnName("contact_phone").HasMaxLength(RequestLimits.Phone);
            request.Property(r => r.Statement).HasColumnName("statement").HasMaxLength(RequestLimits.Statement);
            request.Property(r => r.ObjectionField).HasColumnName("objection_field").HasMaxLength(32);
            request.Property(r => r.CommitmentAccepted).HasColumnName("commitment_accepted");
            request.Property(r => r.Status).HasColumnName("status").HasMaxLength(12)
                .HasConversion(v => RequestText.Code(v), v => RequestText.StatusOf(v));
            request.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
            request.Property(r => r.DueOn).HasColumnName("due_on");
            request.Property(r => r.PausedDaysLeft).HasColumnName("paused_days_left");
            request.Property(r => r.RecordStatusBefore).HasColumnName("record_status_before").HasMaxLength(16)
                .HasConversion(v => v!.Value.Code(), v => (RecordStatus?)PublicRecordModel.StatusOf(v));
            request.Property(r => r.OverdueFlaggedAt).HasColumnName("overdue_flagged_at");
            request.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
            request.Ignore(r => r.IsOpen);
            request.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId);
            request.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RequestId);

            request.HasIndex(r => r.Number).IsUnique().HasDatabaseName("ix_repair_requests_number");
            request.HasIndex(r => r.ApplicantSubjectKey).HasDatabaseName("ix_repair_requests_applicant");
            request.HasIndex(r => new { r.Department, r.Status, r.DueOn }).HasDatabaseName("ix_repair_requests_queue");
            request.HasIndex(r => new { r.RecordKind, r.RecordId }).HasDatabaseName("ix_repair_requests_record");
        });

        modelBuilder.Entity<OverduePass>(pass =>
        {
            pass.ToTable("overdue_passes");
            pass.HasKey(p => p.Id);
            pass.Property(p => p.Id).HasColumnName("id").ValueGeneratedOnAdd();
            pass.Property(p => p.RanAt).HasColumnName("ran_at");
            pass.Property(p => p.Flagged).HasColumnName("flagged");
        });

        modelBuilder.Entity<RequestAttachment>(attachment =>
        {
            attachment.ToTable("repair_attachments");
            attachment.HasKey(a => a.Id);
            attachment.Property(a => a.Id).HasColumnName("id").ValueGeneratedOnAdd();
            attachment.Property(a => a.RequestId).HasColumnName("request_id");
            attachment.Property(a => a.StoredName).HasColumnName("stored_name").HasMaxLength(32);
            attachment.Property(a => a.OriginalName).HasColumnName("original_name").HasMaxLength(100);
            attachment.Property(a => a.ContentType).HasColumnName("content_type").HasMaxLength(32);
            attachment.Property(a => a.Size).HasColumnName("size");
            attachment.Property(a => a.UploadedAt).HasColumnName("uploaded_at");
            attachment.HasIndex(a => a.RequestId).HasDatabaseName("ix_repair_attachments_request");
        });

        modelBuilder.Entity<RequestEvent>(step =>
        {
            step.ToTable("repair_request_events");
            step.HasKey(e => e.Id);
            step.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
            step.Property(e => e.RequestId).HasColumnName("request_id");
            step.Property(e => e.Step).HasColumnName("step").HasMaxLength(12)
                .HasConversion(v => RequestText.Code(v), v => RequestText.StepOf(v));
            step.Property(e => e.At).HasColumnName("at");
            step.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(PublicRecordLimits.PersonName);
            step.Property(e => e.Reason).HasColumnName("reason").HasMaxLength(RequestLimits.Statement);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("repair_audit_log");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
            entry.Property(e => e.At).HasColumnName("at");
            entry.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(PublicRecordLimits.PersonName);
            entry.Property(e => e.Department).HasColumnName("department").HasMaxLength(PublicRecordLimits.Department);
            entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(16);
            entry.Property(e => e.RequestNumber).HasColumnName("request_number").HasMaxLength(24);
            entry.Property(e => e.Detail).HasColumnName("detail").HasMaxLength(RequestLimits.Statement * 2);
            entry.HasIndex(e => e.RequestNumber).HasDatabaseName("ix_repair_audit_log_request");
        });

        modelBuilder.Entity<RecordCorrection>(correction =>
        {
            correction.ToTable("record_corrections");
            correction.HasKey(c => c.Id);
            correction.Property(c => c.Id).HasColumnName("id").ValueGeneratedOnAdd();
            correction.Property(c => c.RequestNumber).HasColumnName("request_number").HasMaxLength(24);
            correction.Property(c => c.RecordKind).HasColumnName("record_kind").HasMaxLength(12)
                .HasConversion(v => v.Code(), v => RequestRecordKinds.Of(v));
            correction.Property(c => c.RecordId).HasColumnName("record_id").HasMaxLength(PublicRecordLimits.RecordId);
            correction.Property(c => c.Field).HasColumnName("field").HasMaxLength(32);
            correction.Property(c => c.OldValue).HasColumnName("old_value").HasMaxLength(PublicRecordLimits.LongText);
            correction.Property(c => c.NewValue).HasColumnName("new_value").HasMaxLength(PublicRecordLimits.LongText);
            correction.Property(c => c.CorrectedAt).HasColumnName("corrected_at");
            correction.HasIndex(c => new { c.RecordKind, c.RecordId }).HasDatabaseName("ix_record_corrections_record");
        });

        modelBuilder.Entity<RecordHold>(hold =>
        {
            hold.ToTable("record_holds");
            hold.HasKey(h => new { h.RecordKind, h.RecordId });
            hold.Property(h => h.RecordKind).HasColumnName("record_kind").HasMaxLength(12)
                .HasConversion(v => v.Code(), v => RequestRecordKinds.Of(v));
            hold.Property(h => h.RecordId).HasColumnName("record_id").HasMaxLength(PublicRecordLimits.RecordId);
            hold.Property(h => h.Status).HasColumnName("status").HasMaxLength(16)
                .HasConversion(v => v.Code(), v => PublicRecordModel.StatusOf(v));
            hold.Property(h => h.RequestNumber).HasColumnName("request_number").HasMaxLength(24);
        });
    }
}

/// <summary>Column sizes of requests, shared by the schema and the form checks.</summary>
public static class RequestLimits
{
    public const int Phone = 20;
    public const int Statement = 2000;
    public const int Reason = 1000;
}
