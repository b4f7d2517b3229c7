using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Storage;
using C = CreditSite.Import.ListImportColumns;

namespace CreditSite.Import;

/// <summary>Checks one import row and turns it into a <see cref="ListEntry"/>: required values, codes, 领域 (from the
/// catalogue), the check characters of USCC and resident ID, dates and their order, the maximum publication period of
/// the catalogue's <c>black</c> rule. A person's ID number is replaced by its keyed hash and masked form here; it goes
/// no further.</summary>
public sealed class ListEntryValidator(ResidentIdHasher hasher, CreditCatalogue catalogue, DateOnly today)
{
    /// <summary>Null when the row has problems (all of them added to <paramref name="report"/>).</summary>
    public ListEntry? Validate(ImportRow row, ImportReport report, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(report);
        var before = report.Problems.Count;
        var check = new RowChecks(row, report);

        var entryId = check.Id(C.EntryId, ListEntryLimits.EntryId);

        var kindText = check.Required(C.ListKind);
        var hasKind = DomainText.TryParseListKind(kindText, out var kind);
        if (kindText.Length > 0 && !hasKind)
        {
            check.Add(C.ListKind, $"未知的名单类型“{Echo.Safe(kindText)}”，应为 red（红名单）或 black（黑名单）。");
        }

        var hasType = check.ParseSubjectType(C.SubjectType, out var subjectType);

        var subjectName = check.Text(C.SubjectName, ListEntryLimits.SubjectName, required: true);
        var field = check.Listed(C.Field, catalogue.Fields, "领域");
        var department = check.Text(C.IssuingDepartment, ListEntryLimits.IssuingDepartment, required: true);
        var decisionNumber = check.Text(C.DecisionNumber, ListEntryLimits.DecisionNumber, required: true);
        var legalBasis = check.Text(C.LegalBasis, ListEntryLimits.LegalBasis, required: false);
        var summary = check.Text(C.Summary, ListEntryLimits.Summary, required: false);

        var statusText = check.Required(C.Status);
        var hasStatus = DomainText.TryParseStatus(statusText, out var status);
        if (statusText.Length > 0 && !hasStatus)
        {
            check.Add(C.Status,
                $"未知的状态“{Echo.Safe(statusText)}”，应为 active（公示中）、exited（已退出）、repaired（已信用修复）或 under_objection（异议处理中）。");
        }

        var severityText = row.Value(C.Severity);
        var severity = check.ParseSeverity(C.Severity, required: false);
        if (hasKind && kind == ListKind.Black && severityText.Length == 0)
        {
            check.Add(C.Severity, "黑名单条目必须填写失信程度：minor（轻微）、general（一般）或 serious（严重）。");
        }
        else if (hasKind && kind == ListKind.Red && severityText.Length > 0)
        {
            check.Add(C.Severity, "红名单条目不填写失信程度。");
        }

        var decisionDate = check.PastDate(C.DecisionDate, today, "决定日期");
        var publicUntil = check.Date(C.PublicUntil);
        if (decisionDate is { } decided && publicUntil is { } until)
        {
            if (until < decided)
            {
                check.Add(C.PublicUntil, $"公示截止日期 {until:yyyy-MM-dd} 早于决定日期 {decided:yyyy-MM-dd}。");
            }
            else if (hasKind && severity is { } level
                && catalogue.RuleOf(kind).RangeFor(level) is { MaximumMonths: { } months } range
                && range.MaximumUntil(decided) is { } maximum && until > maximum)
            {
                check.Add(C.PublicUntil,
                    $"公示截止日期 {until:yyyy-MM-dd} 超过了{level.Label()}失信信息的最长公示期限" +
                    $"（自决定日期起 {PublicationRange.MonthsText(months)}，即不晚于 {maximum:yyyy-MM-dd}）。");
            }
        }

        var identity = hasType ? check.Identity(subjectType, hasher, "条目", C.Uscc, C.IdNumber) : default;

        if (report.Problems.Count != before)
        {
            return null;
        }

        return new ListEntry
        {
            EntryId = entryId,
            Kind = kind,
            SubjectType = subjectType,
            SubjectName = subjectName,
            Uscc = identity.Uscc,
            ResidentIdHash = identity.ResidentIdHash,
            MaskedIdNumber = identity.MaskedIdNumber,
            SubjectKey = identity.SubjectKey!,
            Field = field,
            IssuingDepartment = department,
            DecisionNumber = decisionNumber,
            DecisionDate = decisionDate!.Value,
            PublicUntil = publicUntil!.Value,
            Severity = severity,
            LegalBasis = legalBasis,
            Summary = summary,
            Status = status,
            ImportedAt = importedAt,
        };
    }

    /// <summary>The same checks as a row validator for the importer.</summary>
    internal IRowValidator<ListEntry> ForImport(DateTimeOffset importedAt) => new RowValidator(this, importedAt);

    private sealed class RowValidator(ListEntryValidator validator, DateTimeOffset importedAt) : IRowValidator<ListEntry>
    {
        public ImportColumns Columns => C.Set;

        public string KeyOf(ImportRow row) => row.Value(C.EntryId);

        public ListEntry? Validate(ImportRow row, ImportReport report) => validator.Validate(row, report, importedAt);
    }
}
