namespace CreditSite.CreditRepair;

/// <summary>One run of the nightly overdue pass (逾期检查): when it ran and how many requests it newly flagged.
/// The credit office's page shows the latest (最近一次逾期检查).</summary>
public sealed class OverduePass
{
    public long Id { get; set; }

    public DateTimeOffset RanAt { get; set; }

    public int Flagged { get; set; }
}

/// <summary>Open requests of one department past their deadline, for the credit office's page.</summary>
public sealed record DepartmentOverdue(string Department, int Open, int Overdue);

/// <summary>A request the overdue pass flagged that is still open past its deadline, with the working days it is
/// over (counted with the working-day calendar up to today).</summary>
public sealed record FlaggedRequest(RepairRequest Request, DateOnly DueOn, int WorkingDaysOver);

/// <summary>What /desk shows of the overdue pass: the flagged requests still overdue, and when the pass last ran
/// (null before its first run).</summary>
public sealed record OverdueReport(IReadOnlyList<FlaggedRequest> Flagged, DateTimeOffset? LastPassAt);
