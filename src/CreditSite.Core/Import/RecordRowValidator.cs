using CreditSite.Domain;
using CreditSite.Identifiers;
using C = CreditSite.Import.RecordImportColumns;
using L = CreditSite.Storage.PublicRecordLimits;

namespace CreditSite.Import;

/// <summary>Checks one row of a 行政处罚, 行政许可 or 信用承诺 file and turns it into a <see cref="PublicRecord"/>. The
/// columns every kind shares are checked here (record id, subject and identity, 领域, department, status); each kind's
/// own columns and publication rule in <c>RecordRowValidator.Kinds.cs</c>. Code lists and periods come from the
/// catalogue. A person's ID number is replaced by its keyed hash and masked form here; it goes no further.</summary>
internal sealed partial class RecordRowValidator(
    RecordKind kind, ResidentIdHasher hasher, CreditCatalogue catalogue, DateOnly today, DateTimeOffset importedAt)
    : IRowValidator<PublicRecord>
{
    public ImportColumns Columns { get; } = C.Of(kind);

    public string KeyOf(ImportRow row) => row.Value(C.RecordId);

    public PublicRecord? Validate(ImportRow row, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(report);
        var before = report.Problems.Count;
        var check = new RowChecks(row, report);

        var record = new PublicRecord
        {
            Kind = kind,
            RecordId = check.Id(C.RecordId, L.RecordId),
            SubjectName = string.Empty,
            SubjectKey = string.Empty,
            ImportedAt = importedAt,
            FirstImportedAt = importedAt,
        };

        var hasType = check.ParseSubjectType(C.SubjectType, out var subjectType);
        record.SubjectType = subjectType;
        record.SubjectName = check.Text(C.SubjectName, L.SubjectName, required: true);
        if (hasType)
        {
            var identity = check.Identity(subjectType, hasher, "记录", C.Uscc, C.IdNumber);
            record.Uscc = identity.Uscc;
            record.ResidentIdHash = identity.ResidentIdHash;
            record.MaskedIdNumber = identity.MaskedIdNumber;
            record.SubjectKey = identity.SubjectKey ?? string.Empty;
        }

        if (Columns.Contains(C.LegalRepresentative))
        {
            record.LegalRepresentative = check.OptionalText(C.LegalRepresentative, L.PersonName);
        }

        record.Field = check.Listed(C.Field, catalogue.Fields, "领域", required: false) is { Length: > 0 } field ? field : null;
        record.Status = Status(check);

        switch (kind)
        {
            case RecordKind.Penalty:
                Penalty(check, record);
                break;
            case RecordKind.Licence:
                Licence(check, record);
                break;
            default:
                Commitment(check, record);
                break;
        }

        return report.Problems.Count == before ? record : null;
    }

    /// <summary>处罚机关 / 许可机关 with its USCC, and 数据来源单位.</summary>
    private static void Department(RowChecks check, PublicRecord record)
    {
        record.Department = check.Text(C.Department, L.Department, required: true);
        record.DepartmentUscc = check.Uscc(C.DepartmentUscc, required: false);
        record.SourceDepartment = check.OptionalText(C.SourceDepartment, L.Department);
    }

    private RecordStatus Status(RowChecks check)
    {
        var text = check.Required(C.Status);
        if (RecordText.TryParseRecordStatus(kind, text, out var status) || text.Length == 0)
        {
            return status;
        }

        var choices = RecordText.StatusesOf(kind).Select(s => $"{s.Code()}（{s.Label(kind)}）").ToList();
        check.Add(C.Status, $"未知的状态“{Echo.Safe(text)}”，{kind.Label()}记录的状态应为 {string.Join("、", choices[..^1])}或 {choices[^1]}。");
        return status;
    }
}
