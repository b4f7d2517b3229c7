namespace CreditSite.CreditRepair;

/// <summary>The steps of a request's timeline (shown to the applicant and on /requests/status).</summary>
public enum RequestStep
{
    Submitted,
    Accepted,
    Returned,
    Resubmitted,
    Approved,
    Rejected,

    /// <summary>The decision's effect was written to the record (withdrawn, corrected or restored).</summary>
    Applied,
}

/// <summary>One step of a request's timeline, with its reason when staff took it.</summary>
public sealed class RequestEvent
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public RequestStep Step { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>申请人, or the staff member's name.</summary>
    public required string Actor { get; set; }

    public string? Reason { get; set; }
}
