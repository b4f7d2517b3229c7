using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Storage;
using C = CreditSite.Import.ListImportColumns;

namespace CreditSite.Import;

/// <summary>Checks one import row and turns it into a <see cref="ListEntry"/>: required values, codes, 领域, the check
/// characters of USCC and resident ID, dates and their order, the maximum publication period (DESIGN.md). A person's ID
/// number is replaced by its keyed hash and masked form here; it goes no further.</summary>
public sealed class ListEntryValidator(ResidentIdHasher hasher, DateOnly today)
{
    private static readonly string FieldList = string.Join("、", Fields.All);

    /// <summary>Null when the row has problems (all of them added to <paramref name="report"/>).</summary>
    public ListEntry? Validate(ListImportRow row, ImportReport report, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(report);
        var before = report.Problems.Count;
        var line = row.Line;

        var entryId = Required(row, C.EntryId, report, ListEntryLimits.EntryId);
        if (entryId.Length > 0 && !entryId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            report.Add(line, C.EntryId, "只能包含英文字母、数字和 - _ . : 字符。");
        }

        var kindText = Required(row, C.ListKind, report);
        var hasKind = DomainText.TryParseListKind(kindText, out var kind);
        if (kindText.Length > 0 && !hasKind)
        {
            report.Add(line, C.ListKind, $"未知的名单类型“{Echo.Safe(kindText)}”，应为 red（红名单）或 black（黑名单）。");
        }

        var typeText = Required(row, C.SubjectType, report);
        var hasType = DomainText.TryParseSubjectType(typeText, out var subjectType);
        if (typeText.Length > 0 && !hasType)
        {
            report.Add(line, C.SubjectType,
                $"未知的主体类型“{Echo.Safe(typeText)}”，应为 legal_person（法人）、natural_person（自然人）或 other_org（其他组织）。");
        }

        var subjectName = FreeText(row, C.SubjectName, report, ListEntryLimits.SubjectName, required: true);

        var field = Required(row, C.Field, report);
        if (field.Length > 0 && !Fields.IsKnown(field))
        {
            report.Add(line, C.Field, $"未知的领域“{Echo.Safe(field)}”。可用的领域：{FieldList}。");
        }

        var department = FreeText(row, C.IssuingDepartment, report, ListEntryLimits.IssuingDepartment, required: true);
        var decisionNumber = FreeText(row, C.DecisionNumber, report, ListEntryLimits.DecisionNumber, required: true);
        var legalBasis = FreeText(row, C.LegalBasis, report, ListEntryLimits.LegalBasis, required: false);
        var summary = FreeText(row, C.Summary, report, ListEntryLimits.Summary, required: false);

        var statusText = Required(row, C.Status, report);
        var hasStatus = DomainText.TryParseStatus(statusText, out var status);
        if (statusText.Length > 0 && !hasStatus)
        {
            report.Add(line, C.Status,
                $"未知的状态“{Echo.Safe(statusText)}”，应为 active（公示中）、exited（已退出）、repaired（已信用修复）或 under_objection（异议处理中）。");
        }

        var severityText = row.Value(C.Severity);
        Severity? severity = null;
        if (severityText.Length > 0)
        {
            if (DomainText.TryParseSeverity(severityText, out var parsed))
            {
                severity = parsed;
            }
            else
            {
                report.Add(line, C.Severity, $"未知的失信程度“{Echo.Safe(severityText)}”，应为 minor（轻微）、general（一般）或 serious（严重）。");
            }
        }

        if (hasKind && kind == ListKind.Black && severityText.Length == 0)
        {
            report.Add(line, C.Severity, "黑名单条目必须填写失信程度：minor（轻微）、general（一般）或 serious（严重）。");
        }
        else if (hasKind && kind == ListKind.Red && severityText.Length > 0)
        {
            report.Add(line, C.Severity, "红名单条目不填写失信程度。");
        }

        var decisionDate = Date(row, C.DecisionDate, report);
        var publicUntil = Date(row, C.PublicUntil, report);
        if (decisionDate is { } decided)
        {
            if (decided > today)
            {
                report.Add(line, C.DecisionDate, $"决定日期晚于今天（{today:yyyy-MM-dd}）。");
            }

            if (publicUntil is { } until)
            {
                if (until < decided)
                {
                    report.Add(line, C.PublicUntil, $"公示截止日期 {until:yyyy-MM-dd} 早于决定日期 {decided:yyyy-MM-dd}。");
                }
                else if (hasKind && kind == ListKind.Black && severity is { } level
                    && PublicationPeriod.Maximum(kind, level, decided) is { } maximum && until > maximum)
                {
                    report.Add(line, C.PublicUntil,
                        $"公示截止日期 {until:yyyy-MM-dd} 超过了{level.Label()}失信信息的最长公示期限" +
                        $"（自决定日期起 {PublicationPeriod.MaximumText(level)}，即不晚于 {maximum:yyyy-MM-dd}）。");
                }
            }
        }

        var identity = hasType ? Identity(row, subjectType, report) : default;

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
            ResidentIdHash = identity.Hash,
            MaskedIdNumber = identity.Masked,
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

    private readonly record struct SubjectIdentity(string? Uscc, string? Hash, string? Masked, string? SubjectKey);

    private SubjectIdentity Identity(ListImportRow row, SubjectType subjectType, ImportReport report)
    {
        var line = row.Line;
        var uscc = row.Value(C.Uscc);
        var idNumber = row.Value(C.IdNumber);
        if (subjectType == SubjectType.NaturalPerson)
        {
            if (uscc.Length > 0)
            {
                report.Add(line, C.Uscc, "自然人条目不填写统一社会信用代码。");
            }

            if (idNumber.Length == 0)
            {
                report.Add(line, C.IdNumber, "自然人条目必须填写居民身份证号码。");
                return default;
            }

            // The parser's messages name the failed rule and never repeat the number.
            var parsed = ResidentIdNumber.Parse(idNumber);
            if (!parsed.IsValid)
            {
                report.Add(line, C.IdNumber, parsed.Message!);
                return default;
            }

            var hash = hasher.Hash(parsed.Value!.Value);
            return new SubjectIdentity(null, hash, parsed.Value.Value.Masked, hasher.SubjectKey(hash));
        }

        if (idNumber.Length > 0)
        {
            report.Add(line, C.IdNumber, "法人和其他组织条目不填写居民身份证号码（不导入法定代表人等个人的证件号码）。");
        }

        if (uscc.Length == 0)
        {
            report.Add(line, C.Uscc, "法人和其他组织条目必须填写统一社会信用代码。");
            return default;
        }

        var code = UnifiedSocialCreditCode.Parse(uscc);
        if (!code.IsValid)
        {
            report.Add(line, C.Uscc, code.Message!);
            return default;
        }

        var value = code.Value!.Value.Value;
        return new SubjectIdentity(value, null, null, value);
    }

    private static string Required(ListImportRow row, string column, ImportReport report, int maxLength = 64)
    {
        var value = row.Value(column);
        if (value.Length == 0)
        {
            report.Add(row.Line, column, "必填项为空。");
        }
        else if (value.Length > maxLength)
        {
            report.Add(row.Line, column, string.Create(CultureInfo.InvariantCulture, $"长度为 {value.Length} 个字符，超过上限 {maxLength}。"));
        }

        return value;
    }

    /// <summary>Names, numbers and texts: length, no control characters, and no full resident ID number inside (the
    /// store must never hold one, whatever column it was typed into).</summary>
    private static string FreeText(ListImportRow row, string column, ImportReport report, int maxLength, bool required)
    {
        var value = required ? Required(row, column, report, maxLength) : row.Value(column);
        if (!required && value.Length > maxLength)
        {
            report.Add(row.Line, column, string.Create(CultureInfo.InvariantCulture, $"长度为 {value.Length} 个字符，超过上限 {maxLength}。"));
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            report.Add(row.Line, column, "含有控制字符。");
        }

        if (ContainsResidentIdNumber(value))
        {
            report.Add(row.Line, column, "含有完整的居民身份证号码。请删除或遮蔽（如 320402********0012）后再导入。");
        }

        return value;
    }

    private static DateOnly? Date(ListImportRow row, string column, ImportReport report)
    {
        var text = Required(row, column, report);
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        report.Add(row.Line, column, $"日期“{Echo.Safe(text)}”格式不正确，应为 yyyy-MM-dd（例如 2024-03-15）。");
        return null;
    }

    /// <summary>True when the text holds 18 characters (17 digits then a digit or X) that pass the GB 11643 checks,
    /// not as part of a longer run of digits.</summary>
    internal static bool ContainsResidentIdNumber(string text)
    {
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                run++;
                continue;
            }

            if (run == 17 && (c == 'X' || c == 'x') && ResidentIdNumber.TryParse(text.AsSpan(i - 17, 18).ToString(), out _))
            {
                return true;
            }

            if (run == 18 && ResidentIdNumber.TryParse(text.AsSpan(i - 18, 18).ToString(), out _))
            {
                return true;
            }

            run = 0;
        }

        return run == 18 && ResidentIdNumber.TryParse(text.AsSpan(text.Length - 18, 18).ToString(), out _);
    }
}
