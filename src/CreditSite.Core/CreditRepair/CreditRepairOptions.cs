using System.Globalization;

namespace CreditSite.CreditRepair;

/// <summary>Time limits of the credit-repair desk, in working days of the working-day calendar (<c>CreditRepair</c>
/// section). docs/repair-and-objections.md names the rule each default comes from and which could be confirmed.</summary>
public sealed class CreditRepairOptions
{
    public const string Section = "CreditRepair";

    /// <summary>Working days after submission (or after the material sent for 补正) to accept or return a request.</summary>
    public int AcceptanceWorkingDays { get; set; } = 3;

    /// <summary>Working days after acceptance to decide a repair request.</summary>
    public int RepairDecisionWorkingDays { get; set; } = 5;

    /// <summary>Working days after acceptance to decide an objection.</summary>
    public int ObjectionDecisionWorkingDays { get; set; } = 5;

    /// <summary>When the nightly overdue pass (逾期检查) runs, <c>HH:mm</c> in China Standard Time (Asia/Shanghai).</summary>
    public string OverduePassTime { get; set; } = "01:00";

    /// <summary><see cref="OverduePassTime"/> as a time of day; only valid once <see cref="Problem"/> is null.</summary>
    public TimeOnly OverduePassTimeOfDay =>
        TimeOnly.ParseExact(OverduePassTime.Trim(), "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The problem with the settings in Chinese, or null when they are usable.</summary>
    public string? Problem()
    {
        if (!TimeOnly.TryParseExact(OverduePassTime?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return $"{Section}:{nameof(OverduePassTime)} 应为每天的北京时间，格式 HH:mm（如 01:00），当前为“{OverduePassTime}”。";
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(AcceptanceWorkingDays), AcceptanceWorkingDays),
                     (nameof(RepairDecisionWorkingDays), RepairDecisionWorkingDays),
                     (nameof(ObjectionDecisionWorkingDays), ObjectionDecisionWorkingDays),
                 })
        {
            if (value is < 1 or > 60)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{Section}:{name} 应为 1 到 60 之间的工作日数，当前为 {value}。");
            }
        }

        return null;
    }
}
