using System.Globalization;
using CreditSite.Domain;

namespace CreditSite.Web.Features.Records;

/// <summary>A record page's content: every public field of the record under its Chinese name from the national 双公示
/// data standard, its publication period (公示期限), its source and status, and for a penalty the earliest day credit
/// repair may be applied for. A person appears with the masked ID number only: the full number is never stored.</summary>
public sealed record RecordView(
    PublicRecord Record,
    IReadOnlyList<(string Label, string Value)> Facts,
    string Period,
    string Source,
    string Status,
    DateOnly? RepairableFrom,
    string? RepairText)
{
    public RecordKind Kind => Record.Kind;

    public string Title => $"{Record.SubjectName}的{Record.Kind.Label()}信息";

    public static RecordView Of(PublicRecord record, CreditCatalogue catalogue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(catalogue);
        var facts = new List<(string, string)>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add((label, value));
            }
        }

        Add("行政相对人名称", record.SubjectName);
        Add("行政相对人类别", record.SubjectType.Label());
        Add("统一社会信用代码", record.Uscc);
        if (record.SubjectType != SubjectType.NaturalPerson)
        {
            Add(record.SubjectType == SubjectType.IndividualBusiness ? "经营者" : "法定代表人", record.LegalRepresentative);
        }

        Add("证件号码（居民身份证）", record.MaskedIdNumber);

        switch (record.Kind)
        {
            case RecordKind.Penalty:
                Add("行政处罚决定书文号", record.DecisionNumber);
                Add("违法行为类型", record.ViolationType);
                Add("违法事实", record.Facts);
                Add("处罚依据", record.LegalBasis);
                Add("处罚类别", string.Join("、", record.PenaltyTypes));
                Add("处罚内容", record.Content);
                Add("罚款金额（万元）", Amount(record.FineAmount));
                Add("没收违法所得、没收非法财物的金额（万元）", Amount(record.ConfiscatedAmount));
                Add("暂扣或吊销证照名称及编号", record.LicenceAffected);
                Add("处罚决定日期", record.DecisionDate.ToChineseDate());
                Add("失信程度", record.Severity?.Label());
                Add("处罚机关", record.Department);
                Add("处罚机关统一社会信用代码", record.DepartmentUscc);
                break;
            case RecordKind.Licence:
                Add("行政许可决定文书名称", record.DecisionTitle);
                Add("行政许可决定文书号", record.DecisionNumber);
                Add("许可类别", record.Category);
                Add("许可证书名称", record.CertificateName);
                Add("许可编号", record.CertificateNumber);
                Add("许可内容", record.Content);
                Add("许可决定日期", record.DecisionDate.ToChineseDate());
                Add("有效期自", record.ValidFrom?.ToChineseDate());
                Add("有效期至", record.ValidTo?.ToChineseDate() ?? "长期");
                Add("许可机关", record.Department);
                Add("许可机关统一社会信用代码", record.DepartmentUscc);
                break;
            default:
                Add("承诺类型", record.Category);
                Add("承诺内容", record.Content);
                Add("承诺日期", record.DecisionDate.ToChineseDate());
                Add("承诺受理单位", record.Department);
                Add("承诺受理单位统一社会信用代码", record.DepartmentUscc);
                break;
        }

        Add("领域", record.Field);

        var (repairable, repairText) = Repair(record, catalogue, today);
        return new RecordView(
            record,
            facts,
            PeriodOf(record),
            string.IsNullOrWhiteSpace(record.SourceDepartment) ? record.Department : record.SourceDepartment,
            record.Status.Label(record.Kind),
            repairable,
            repairText);
    }

    /// <summary>公示期限: from the decision date to the last day in public view; a licence is public while valid.</summary>
    private static string PeriodOf(PublicRecord record)
    {
        if (record.Kind == RecordKind.Licence)
        {
            var from = (record.ValidFrom ?? record.DecisionDate).ToChineseDate();
            return record.ValidTo is { } to
                ? $"许可有效期内公示：{from}至{to.ToChineseDate()}"
                : $"许可有效期内公示：自{from}起，长期有效";
        }

        return record.PublicUntil is { } until
            ? $"{record.DecisionDate.ToChineseDate()}至{until.ToChineseDate()}（期满后自动停止公示）"
            : $"自{record.DecisionDate.ToChineseDate()}起";
    }

    /// <summary>The earliest day a penalty's subject may apply for credit repair (the minimum period of its severity
    /// passed), and what that means in a plain sentence.</summary>
    private static (DateOnly?, string?) Repair(PublicRecord record, CreditCatalogue catalogue, DateOnly today)
    {
        if (record.Kind != RecordKind.Penalty || catalogue.RepairableFrom(record) is not { } from)
        {
            return (null, null);
        }

        var minimum = catalogue.RuleOf(RecordKind.Penalty).RangeFor(record.Severity)?.MinimumMonths ?? 0;
        var severity = record.Severity is { } s ? s.Label() + "失信的" : string.Empty;
        var until = record.PublicUntil is { } u ? $"不申请修复的，公示至{u.ToChineseDate()}期满后自动停止。" : string.Empty;
        var text = from <= today
            ? $"{severity}行政处罚信息最短公示{(minimum == 0 ? "期限为零" : PublicationRange.MonthsText(minimum))}，本记录自{from.ToChineseDate()}起即可申请信用修复：当事人可向作出处罚决定的{record.Department}提出申请（谁认定、谁修复），修复后本记录停止公示。{until}"
            : $"{severity}行政处罚信息最短公示{PublicationRange.MonthsText(minimum)}。当事人自{from.ToChineseDate()}起可以向作出处罚决定的{record.Department}申请信用修复（谁认定、谁修复），在此之前不能申请；修复后本记录停止公示。{until}";
        return (from, text);
    }

    private static string? Amount(decimal? amount) => amount?.ToString("0.######", CultureInfo.InvariantCulture);
}
