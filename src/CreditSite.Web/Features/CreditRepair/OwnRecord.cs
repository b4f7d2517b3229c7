using CreditSite.CreditRepair;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>A record the signed-in user may apply about (a public record or a black-list entry), with the subject they
/// act for.</summary>
public sealed record OwnRecord(ActingSubject Subject, RequestedRecord Record)
{
    /// <summary>Null when the record does not exist or is about someone else (the pages answer 404, as for reports).</summary>
    public static async Task<OwnRecord?> FindAsync(
        RecordStore records, RequestSubjects subjects, CreditUser user, string? kindCode, string? recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(subjects);
        if (!RequestRecordKinds.TryParse(kindCode, out var kind) || string.IsNullOrEmpty(recordId) || recordId.Length > PublicRecordLimits.RecordId)
        {
            return null;
        }

        var record = await RequestedRecord.FindAsync(records.Store, kind, recordId, cancellationToken);
        var subject = record is null ? null : subjects.Of(user).FirstOrDefault(s => s.Key == record.SubjectKey);
        return subject is null ? null : new OwnRecord(subject, record!);
    }
}
