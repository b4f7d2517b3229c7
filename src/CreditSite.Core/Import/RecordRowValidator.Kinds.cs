using CreditSite.Domain;
using C = CreditSite.Import.RecordImportColumns;
using L = CreditSite.Storage.PublicRecordLimits;

namespace CreditSite.Import;

/// <summary>The columns and publication rule of each record kind.</summary>
internal sealed partial class RecordRowValidator
{
    /// <summary>处罚类别 that make an amount or a licence column required (national 双公示 data standard).</summary>
    private static readonly string[] FineTypes = ["罚款"];
    private static readonly string[] ConfiscationTypes = ["没收违法所得", "没收非法财物"];
    private static readonly string[] LicenceTypes = ["暂扣许可证件", "吊销许可证件"];

    /// <summary>行政处罚: the decision, its 处罚类别 and amounts, and its publication period — from the file, at most the
    /// catalogue's maximum for the severity, or that maximum when the file leaves it empty. Under the simplified
    /// procedure the record is kept unpublished when the catalogue says so.</summary>
    private void Penalty(RowChecks check, PublicRecord record)
    {
        record.DecisionNumber = check.Text(C.DecisionNumber, L.DecisionNumber, required: true);
        record.ViolationType = check.Text(C.ViolationType, L.ShortText, required: true);
        record.Facts = check.Text(C.Facts, L.LongText, required: true);
        record.LegalBasis = check.Text(C.LegalBasis, L.LegalBasis, required: true);
        record.PenaltyTypes = PenaltyTypes(check);
        record.Content = check.Text(C.Content, L.LongText, required: true);
        record.FineAmount = check.Amount(C.FineAmount);
        record.ConfiscatedAmount = check.Amount(C.ConfiscatedAmount);
        record.LicenceAffected = check.OptionalText(C.LicenceAffected, L.ShortText);
        RequireWhen(check, record, FineTypes, C.FineAmount, check.Row.Value(C.FineAmount), "罚款金额（万元）");
        RequireWhen(check, record, ConfiscationTypes, C.ConfiscatedAmount, check.Row.Value(C.ConfiscatedAmount), "没收违法所得、没收非法财物的金额（万元）");
        RequireWhen(check, record, LicenceTypes, C.LicenceAffected, record.LicenceAffected, "暂扣或吊销证照名称及编号");

        var decided = check.PastDate(C.DecisionDate, today, "处罚决定日期");
        record.DecisionDate = decided ?? default;
        record.Severity = check.ParseSeverity(C.Severity, required: true);
        record.SimplifiedProcedure = check.Flag(C.SimplifiedProcedure);
        var rule = catalogue.RuleOf(RecordKind.Penalty);
        var range = record.Severity is { } severity ? rule.RangeFor(severity) : null;
        record.PublicUntil = PublicUntil(check, decided, range, $"{record.Severity?.Label()}失信行政处罚信息", "处罚决定日期");
        record.Unpublished = record.SimplifiedProcedure && !rule.PublishSimplifiedProcedure;
        Department(check, record);
    }

    /// <summary>行政许可: public while valid, so <see cref="PublicRecord.PublicUntil"/> is the end of validity (none when
    /// the file gives none).</summary>
    private void Licence(RowChecks check, PublicRecord record)
    {
        record.DecisionTitle = check.Text(C.DecisionTitle, L.ShortText, required: true);
        record.DecisionNumber = check.Text(C.DecisionNumber, L.DecisionNumber, required: true);
        record.Category = check.Listed(C.LicenceCategory, catalogue.LicenceCategories, "许可类别");
        record.CertificateName = check.OptionalText(C.CertificateName, L.ShortText);
        record.CertificateNumber = check.OptionalText(C.CertificateNumber, L.DecisionNumber);
        record.Content = check.Text(C.Content, L.LongText, required: true);
        record.DecisionDate = check.PastDate(C.DecisionDate, today, "许可决定日期") ?? default;
        record.ValidFrom = check.Date(C.ValidFrom, required: false);
        record.ValidTo = check.Date(C.ValidTo, required: false);
        if (record.ValidFrom is { } from && record.ValidTo is { } to && to < from)
        {
            check.Add(C.ValidTo, $"有效期至 {to:yyyy-MM-dd} 早于有效期自 {from:yyyy-MM-dd}。");
        }

        record.PublicUntil = record.ValidTo;
        Department(check, record);
    }

    /// <summary>信用承诺: made on <c>made_on</c> (the decision date), accepted by <c>accepted_by</c> (the department),
    /// public until <c>public_until</c> within the catalogue's commitment rule, or its maximum when empty.</summary>
    private void Commitment(RowChecks check, PublicRecord record)
    {
        record.Category = check.Listed(C.CommitmentType, catalogue.CommitmentTypes, "承诺类型");
        record.Content = check.Text(C.Content, L.LongText, required: true);
        var made = check.PastDate(C.MadeOn, today, "承诺日期");
        record.DecisionDate = made ?? default;
        record.Department = check.Text(C.AcceptedBy, L.Department, required: true);
        record.PublicUntil = PublicUntil(check, made, catalogue.RuleOf(RecordKind.Commitment).RangeFor(null), "信用承诺", "承诺日期");
    }

    private List<string> PenaltyTypes(RowChecks check)
    {
        var text = check.Required(C.PenaltyTypes, L.PenaltyTypes);
        var types = text.Split([';', '；', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (text.Length > 0 && types.Count == 0)
        {
            check.Add(C.PenaltyTypes, "必填项为空。");
        }

        foreach (var type in types.Where(t => !catalogue.IsPenaltyType(t)))
        {
            check.Add(C.PenaltyTypes, $"未知的处罚类别“{Echo.Safe(type)}”。可用的处罚类别（《行政处罚法》第九条）：{string.Join("、", catalogue.PenaltyTypes)}；" +
                "多个类别用“;”或“、”分隔。");
        }

        return types;
    }

    /// <summary>The standard requires the amount (or the licence) when a 处罚类别 needs it.</summary>
    private static void RequireWhen(RowChecks check, PublicRecord record, string[] types, string column, string? value, string what)
    {
        if (string.IsNullOrEmpty(value) && record.PenaltyTypes.FirstOrDefault(types.Contains) is { } type)
        {
            check.Add(column, $"处罚类别含“{type}”，必须填写{what}。");
        }
    }

    /// <summary>The last day in public view: the file's <c>public_until</c> (not before <paramref name="decided"/>, not
    /// after the maximum of <paramref name="range"/>), or that maximum when the file leaves it empty.</summary>
    private static DateOnly? PublicUntil(RowChecks check, DateOnly? decided, PublicationRange? range, string what, string dateName)
    {
        var until = check.Date(C.PublicUntil, required: false);
        if (decided is not { } from)
        {
            return until;
        }

        var maximum = range?.MaximumUntil(from);
        if (until is not { } given)
        {
            return maximum;
        }

        if (given < from)
        {
            check.Add(C.PublicUntil, $"公示截止日期 {given:yyyy-MM-dd} 早于{dateName} {from:yyyy-MM-dd}。");
        }
        else if (maximum is { } latest && given > latest)
        {
            check.Add(C.PublicUntil, $"公示截止日期 {given:yyyy-MM-dd} 超过了{what}的最长公示期限" +
                $"（自{dateName}起 {PublicationRange.MonthsText(range!.MaximumMonths!.Value)}，即不晚于 {latest:yyyy-MM-dd}）。");
        }

        return given;
    }
}
