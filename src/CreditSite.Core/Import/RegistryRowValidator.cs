using CreditSite.Domain;
using CreditSite.Identifiers;
using C = CreditSite.Import.RecordImportColumns;
using L = CreditSite.Storage.PublicRecordLimits;

namespace CreditSite.Import;

/// <summary>Checks one row of a registry file (基础信息) and turns it into a <see cref="RegistrySubject"/>. Organisations
/// only: a valid USCC is the key, and the file has no column that could hold a person's identity. 曾用名 are
/// <c>;</c>-separated; the status comes from the catalogue.</summary>
internal sealed class RegistryRowValidator(CreditCatalogue catalogue, DateOnly today, DateTimeOffset importedAt) : IRowValidator<RegistrySubject>
{
    public ImportColumns Columns => C.Subject;

    /// <summary>The normalised USCC, so that a lower-case duplicate is still a duplicate.</summary>
    public string KeyOf(ImportRow row)
    {
        var text = row.Value(C.Uscc);
        var code = UnifiedSocialCreditCode.Parse(text);
        return code.IsValid ? code.Value!.Value.Value : text;
    }

    public RegistrySubject? Validate(ImportRow row, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(report);
        var before = report.Problems.Count;
        var check = new RowChecks(row, report);

        var uscc = check.Uscc(C.Uscc, required: true);
        var name = check.Text(C.Name, L.SubjectName, required: true);
        var formerNames = FormerNames(check, name);
        var subject = new RegistrySubject
        {
            Uscc = uscc ?? string.Empty,
            Name = name,
            FormerNames = formerNames,
            EntityType = check.OptionalText(C.EntityType, L.Department),
            LegalRepresentative = check.OptionalText(C.LegalRepresentative, L.PersonName),
            RegisteredOn = check.PastDate(C.RegisteredOn, today, "成立（登记）日期", required: false),
            RegistrationAuthority = check.OptionalText(C.RegistrationAuthority, L.Department),
            Address = check.OptionalText(C.Address, L.Address),
            Status = check.Listed(C.Status, catalogue.RegistryStatuses, "登记状态"),
            ImportedAt = importedAt,
        };

        return report.Problems.Count == before ? subject : null;
    }

    /// <summary>曾用名, in the file's order (newest first), without repeats or the current name.</summary>
    private static List<string> FormerNames(RowChecks check, string name)
    {
        var text = check.Text(C.FormerNames, L.FormerNames, required: false);
        var names = new List<string>();
        foreach (var former in text.Split([';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (former.Length > L.SubjectName)
            {
                check.Add(C.FormerNames, $"曾用名“{Echo.Safe(former)}”超过 {L.SubjectName} 个字符。");
            }
            else if (former != name && !names.Contains(former, StringComparer.Ordinal))
            {
                names.Add(former);
            }
        }

        return names;
    }
}
