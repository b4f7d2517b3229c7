using System.Text;
using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Indexing;

/// <summary>The projections of public records (行政许可, 行政处罚, 信用承诺) and registry records (基础信息) into the
/// search index. Like list entries, they carry a person's keyed ID hash and masked number, never the number.</summary>
public static class RecordDocuments
{
    public const string SubjectIdPrefix = "subject:";

    /// <summary>e.g. <c>penalty:CZ-CF-2024-0001</c>; record ids are unique within a kind only.</summary>
    public static string DocumentId(RecordKind kind, string recordId) => kind.Code() + ":" + recordId;

    public static string SubjectDocumentId(string uscc) => SubjectIdPrefix + uscc;

    /// <summary>The record's own page.</summary>
    public static string Url(RecordKind kind, string recordId) => $"/records/{kind.Code()}/{Uri.EscapeDataString(recordId)}";

    public static SearchDocument ToSearchDocument(PublicRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = new StringBuilder(record.Content.Length + (record.Facts?.Length ?? 0) + 256);
        foreach (var part in new[]
        {
            record.Content, record.Facts, record.ViolationType, record.LegalBasis, record.DecisionTitle, record.CertificateName,
            record.CertificateNumber, record.DecisionNumber, record.Department, record.Field, record.Category,
            string.Join("、", record.PenaltyTypes), record.MaskedIdNumber,
        })
        {
            ListEntryDocuments.AppendPart(body, part);
        }

        return new SearchDocument
        {
            Id = DocumentId(record.Kind, record.RecordId),
            Type = DocumentTypeText.Of(record.Kind),
            Title = $"{record.SubjectName}（{record.Kind.Label()}）",
            Body = body.ToString(),
            Url = Url(record.Kind, record.RecordId),
            Date = record.DecisionDate,
            EntryId = record.RecordId,
            SubjectType = record.SubjectType,
            SubjectName = record.SubjectName,
            SubjectKey = record.SubjectKey,
            Uscc = record.Uscc,
            ResidentIdHash = record.ResidentIdHash,
            MaskedIdNumber = record.MaskedIdNumber,
            Field = record.Field,
            IssuingDepartment = record.Department,
            DecisionNumber = string.IsNullOrEmpty(record.DecisionNumber) ? null : record.DecisionNumber,
            PublicUntil = record.PublicUntil,
            Severity = record.Severity,
            LegalBasis = record.LegalBasis,
            Summary = string.IsNullOrWhiteSpace(record.Content) ? null : record.Content,
            Category = record.Category,
            RecordStatus = record.Status,
            Withdrawn = record.IsWithdrawn,
            PenaltyTypes = record.PenaltyTypes.Count == 0 ? null : record.PenaltyTypes,
        };
    }

    public static SearchDocument ToSearchDocument(RegistrySubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var body = new StringBuilder();
        foreach (var part in new[] { string.Join("；", subject.FormerNames), subject.EntityType, subject.RegistrationAuthority, subject.Address })
        {
            ListEntryDocuments.AppendPart(body, part);
        }

        return new SearchDocument
        {
            Id = SubjectDocumentId(subject.Uscc),
            Type = DocumentType.Subject,
            Title = subject.Name,
            Body = body.ToString(),
            Url = "/subjects/" + subject.Uscc,
            Date = subject.RegisteredOn ?? DateOnly.MinValue,
            SubjectType = subject.EntityType?.Contains("个体", StringComparison.Ordinal) == true ? SubjectType.IndividualBusiness : SubjectType.LegalPerson,
            SubjectName = subject.Name,
            SubjectKey = subject.Uscc,
            Uscc = subject.Uscc,
            Summary = "登记状态：" + subject.Status,
            FormerNames = subject.FormerNames.Count == 0 ? null : subject.FormerNames,
        };
    }
}
