using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>Whether a record may be repaired on a day (国家发展改革委令第36号: after the minimum publication period of
/// its severity, from the catalogue's <c>penalty</c> or <c>black</c> rule). An objection may be raised on any record at any time.</summary>
public static class RepairEligibility
{
    /// <summary>Null when repair may be applied for on <paramref name="today"/>; otherwise why not, in Chinese.</summary>
    public static string? Refusal(CreditCatalogue catalogue, PublicRecord record, DateOnly today) =>
        Refusal(catalogue, RequestedRecord.Of(record), today);

    /// <summary>The same for any record a request may be about: penalties and black-list entries can be repaired.</summary>
    public static string? Refusal(CreditCatalogue catalogue, RequestedRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsNegative)
        {
            return "只有行政处罚、黑名单等失信信息可以申请信用修复；对记录内容有异议的，请提出异议申诉。";
        }

        if (record.Status == RecordStatus.Repaired)
        {
            return "该记录已完成信用修复，无需再次申请。";
        }

        if (record.IsWithdrawn || record.Status != RecordStatus.Active)
        {
            return "该记录已不在公示中，无需申请信用修复。";
        }

        if (!record.IsPublicOn(today))
        {
            return "该记录公示期已满，已自动停止公示，无需申请信用修复。";
        }

        return record.RepairableFrom(catalogue) is { } from && from > today
            ? $"该记录的最短公示期尚未届满，自 {from:yyyy年M月d日} 起方可申请信用修复。"
            : null;
    }
}
