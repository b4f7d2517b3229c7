using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>信用修复 (repair of a negative record after the minimum publication period) or 异议 (objection to a record's
/// content, any time).</summary>
public enum RequestKind
{
    Repair,
    Objection,
}

/// <summary>Where a request stands. Returned (补正) pauses its clock until the applicant sends the material.</summary>
public enum RequestStatus
{
    Submitted,
    Accepted,
    Returned,
    Approved,
    Rejected,
}

/// <summary>One request of a subject about one of its records, decided by the department that decided the record
/// (谁认定、谁修复). The query code is kept only as a hash; the contact phone is never shown to the public.</summary>
public sealed class RepairRequest
{
    public long Id { get; set; }

    /// <summary>受理编号, e.g. <c>XF20261207K7QW3M2R</c> (repair) or <c>YY…</c> (objection).</summary>
    public required string Number { get; set; }

    /// <summary>SHA-256 over the number and the 查询码 (<see cref="RequestCodes.HashQueryCode"/>).</summary>
    public required string QueryCodeHash { get; set; }

    public RequestKind Kind { get; set; }

    /// <summary>The record's kind: a public record's, or <see cref="RequestRecordKind.BlackList"/> for a list entry.</summary>
    public RequestRecordKind RecordKind { get; set; }

    public required string RecordId { get; set; }

    /// <summary>The record's deciding department (处罚机关 / 许可机关 / 认定单位) when the request was made: whose queue it is in.</summary>
    public required string Department { get; set; }

    public string? DepartmentUscc { get; set; }

    /// <summary>The subject the record is about (its subject key): only that subject may apply.</summary>
    public required string ApplicantSubjectKey { get; set; }

    /// <summary>The signed-in person who applied (a person, or the organisation's representative).</summary>
    public required string ApplicantName { get; set; }

    /// <summary>联系电话: for the department only, never on a public page.</summary>
    public required string ContactPhone { get; set; }

    /// <summary>整改情况 (repair) or the reason the record is wrong (objection).</summary>
    public required string Statement { get; set; }

    /// <summary>The field an objection says is wrong (a <see cref="CorrectableFields"/> code), null for repairs.</summary>
    public string? ObjectionField { get; set; }

    /// <summary>The applicant accepted the 信用修复承诺书 shown in full (repairs only).</summary>
    public bool CommitmentAccepted { get; set; }

    public RequestStatus Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The last working day of the running stage (acceptance, then decision); null once decided or while
    /// returned for material.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>While returned (补正): the working days the stage had left when its clock was paused.</summary>
    public int? PausedDaysLeft { get; set; }

    /// <summary>For an objection: the record's status before it was marked 异议处理中, restored when the record is kept.</summary>
    public RecordStatus? RecordStatusBefore { get; set; }

    /// <summary>When the nightly overdue pass (逾期检查) first found the request open past <see cref="DueOn"/>; set once,
    /// so the audit line "逾期" is written once per request, not every night.</summary>
    public DateTimeOffset? OverdueFlaggedAt { get; set; }

    /// <summary>Optimistic concurrency: every change adds one; a change made against an older version is refused.</summary>
    public long Version { get; set; }

    public List<RequestEvent> Events { get; set; } = [];

    public List<RequestAttachment> Attachments { get; set; } = [];

    public bool IsOpen => Status is RequestStatus.Submitted or RequestStatus.Accepted or RequestStatus.Returned;
}
