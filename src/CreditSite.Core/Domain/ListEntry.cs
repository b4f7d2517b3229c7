namespace CreditSite.Domain;

/// <summary>名单条目: one red/black list decision about one credit subject, as the system of record holds it.
/// A natural person's resident ID is held only as its keyed hash and its masked form.</summary>
public sealed class ListEntry
{
    /// <summary>The source platform's id; re-importing the same id updates the entry.</summary>
    public required string EntryId { get; set; }

    public ListKind Kind { get; set; }

    public SubjectType SubjectType { get; set; }

    public required string SubjectName { get; set; }

    /// <summary>统一社会信用代码, for organisations.</summary>
    public string? Uscc { get; set; }

    /// <summary>HMAC of the resident ID number, for persons.</summary>
    public string? ResidentIdHash { get; set; }

    /// <summary>e.g. 320402********0012.</summary>
    public string? MaskedIdNumber { get; set; }

    /// <summary>Opaque, unguessable id of the subject used in URLs (never the ID number): the USCC for
    /// organisations, a keyed hash prefix for persons.</summary>
    public required string SubjectKey { get; set; }

    public required string Field { get; set; }

    public required string IssuingDepartment { get; set; }

    public required string DecisionNumber { get; set; }

    public DateOnly DecisionDate { get; set; }

    public DateOnly PublicUntil { get; set; }

    public Severity? Severity { get; set; }

    public string LegalBasis { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public EntryStatus Status { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>In public view on <paramref name="today"/>: not past <see cref="PublicUntil"/>, not exited or repaired.</summary>
    public bool IsPublicOn(DateOnly today) =>
        PublicUntil >= today && Status is EntryStatus.Active or EntryStatus.UnderObjection;
}
