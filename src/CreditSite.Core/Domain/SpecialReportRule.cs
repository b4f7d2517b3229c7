namespace CreditSite.Domain;

/// <summary>How special credit reports treat repaired records, and which kinds of record the platform does not hold:
/// read from the <c>special_report</c> section of <c>content/data/catalogue.yaml</c>, so the credit office changes it there.</summary>
public sealed record SpecialReportRule(bool ListRepaired, string RepairBasis, IReadOnlyList<string> NotHeld)
{
    /// <summary>Used when the catalogue has no section (older files, test catalogues): leave repaired records out, and
    /// name administrative compulsion as not held.</summary>
    public static readonly SpecialReportRule Default = new(
        false,
        "国家发展改革委令第36号《信用修复管理办法》：信用修复完成后，相关失信信息停止公示",
        ["行政强制：本平台尚未归集行政强制信息，请向作出行政强制决定的部门查询"]);

    /// <summary>The sentence the report prints about repaired records.</summary>
    public string RepairSentence => ListRepaired
        ? $"已完成信用修复的记录列入报告并标明“已修复”（依据：{RepairBasis}）。"
        : $"已完成信用修复的记录不列入本报告（依据：{RepairBasis}）。";
}
