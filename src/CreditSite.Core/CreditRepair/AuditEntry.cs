namespace CreditSite.CreditRepair;

/// <summary>One line of the credit-repair audit log: who did what to which request, when. The log is append-only:
/// <see cref="CreditRepairDesk"/> only adds rows, and the database refuses UPDATE and DELETE on the table (triggers in
/// the migrations).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>The actor's department for staff; null for applicants.</summary>
    public string? Department { get; set; }

    /// <summary>submit, accept, return, resubmit, approve, reject, correct, remove, keep; overdue (the nightly pass, actor 系统).</summary>
    public required string Action { get; set; }

    public required string RequestNumber { get; set; }

    public required string Detail { get; set; }
}
