using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.CreditRepair;

/// <summary>What requests and decisions write to the record (a public record or a black-list entry): each change is a
/// batch of its own in <c>import_batches</c> (its id the record's new change sequence), so the indexer re-indexes the
/// record within seconds in whichever engine runs and the platforms' change feed reports it — as a removal when it left
/// public view. Nothing is deleted.</summary>
internal static class RecordEffects
{
    public static async Task<long> NewBatchAsync(CreditDbContext context, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new ImportBatch { StartedAt = now, Source = source, Replace = false, RowCount = 1, Updated = 1 };
        context.ImportBatches.Add(batch);
        await context.SaveChangesAsync(cancellationToken);
        return batch.Id;
    }

    /// <summary>Sets the status; returns the record's new change sequence.</summary>
    public static async Task<long> SetStatusAsync(
        CreditDbContext context, RequestedRecord record, RecordStatus status, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seq = await NewBatchAsync(context, source, now, cancellationToken);
        record.Status = status;
        Touch(context, record, seq);
        return seq;
    }

    /// <summary>Takes the record out of public view for good: a later import of it keeps the status (<see cref="RecordHold"/>).
    /// Returns the record's new change sequence.</summary>
    public static async Task<long> WithdrawAsync(
        CreditDbContext context, RequestedRecord record, RecordStatus status, string number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seq = await SetStatusAsync(context, record, status, $"{(status == RecordStatus.Repaired ? "信用修复" : "异议申诉")} {number}", now, cancellationToken);
        var hold = await context.Set<RecordHold>().FirstOrDefaultAsync(h => h.RecordKind == record.Kind && h.RecordId == record.RecordId, cancellationToken);
        if (hold is null)
        {
            context.Add(new RecordHold { RecordKind = record.Kind, RecordId = record.RecordId, Status = status, RequestNumber = number });
        }
        else
        {
            hold.Status = status;
            hold.RequestNumber = number;
        }

        return seq;
    }

    /// <summary>Corrects one field (old and new value kept), and gives the record back its status before the objection.</summary>
    public static async Task CorrectAsync(
        CreditDbContext context, RequestedRecord record, string field, string value, RecordStatus restore, string number, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var seq = await NewBatchAsync(context, $"异议申诉 {number}", now, cancellationToken);
        context.Add(new RecordCorrection
        {
            RequestNumber = number,
            RecordKind = record.Kind,
            RecordId = record.RecordId,
            Field = field,
            OldValue = record.Read(field),
            NewValue = value,
            CorrectedAt = now,
        });
        record.Write(field, value);
        record.Status = restore;
        Touch(context, record, seq);
    }

    /// <summary>The approved repair's 信用修复承诺书, published as a credit commitment of type 信用修复型 about the subject of
    /// the repaired record.</summary>
    public static void PublishCommitment(CreditDbContext context, RequestedRecord repaired, RepairRequest request, DateOnly today, DateTimeOffset now, long seq)
    {
        var commitment = new PublicRecord
        {
            Kind = RecordKind.Commitment,
            RecordId = "XF-" + request.Number,
            SubjectType = repaired.SubjectType,
            SubjectName = repaired.SubjectName,
            Uscc = repaired.Uscc,
            LegalRepresentative = repaired.LegalRepresentative,
            ResidentIdHash = repaired.ResidentIdHash,
            MaskedIdNumber = repaired.MaskedIdNumber,
            SubjectKey = repaired.SubjectKey,
            DecisionDate = today,
            PublicUntil = today.AddYears(3),
            Department = repaired.Department,
            DepartmentUscc = repaired.DepartmentUscc,
            Field = repaired.Field,
            Content = RepairCommitment.Text,
            Category = RepairCommitment.CommitmentType,
            Status = RecordStatus.Active,
            ImportedAt = now,
            FirstImportedAt = now,
        };
        context.PublicRecords.Add(commitment);
        context.Entry(commitment).Property(CreditDbContext.ChangeSeq).CurrentValue = seq;
    }

    public static void Touch(CreditDbContext context, RequestedRecord record, long seq) =>
        context.Entry(record.Entity).Property(CreditDbContext.ChangeSeq).CurrentValue = seq;
}
