namespace CreditSite.Reports.Storage;

/// <summary>A report that was issued: what verification needs, and the frozen content to render it again.</summary>
public sealed class CreditReport
{
    /// <summary>Opaque id used in URLs (<see cref="ReportCodes.NewOpaqueId"/>); the number is printed, not linked.</summary>
    public required string Id { get; set; }

    public required string Number { get; set; }

    /// <summary><see cref="ReportCodes.HashVerificationCode"/>; the code itself is never stored.</summary>
    public required string VerificationCodeHash { get; set; }

    public ReportKind Kind { get; set; }

    /// <summary>USCC for an enterprise, keyed ID hash for a person.</summary>
    public required string SubjectKey { get; set; }

    public required string SubjectName { get; set; }

    public string? Uscc { get; set; }

    public string? MaskedIdNumber { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>Set when the report was issued to a requester through a grant.</summary>
    public string? GrantId { get; set; }

    /// <summary>The <see cref="ReportContent"/> as JSON, or for a special report the <c>SpecialReportContent</c>.</summary>
    public required string ContentJson { get; set; }

    /// <summary>Set for a special credit report (专项信用报告): its period and fields (<c>SpecialReportScope.Key</c>), so
    /// verification can say when a newer report with the same scope exists.</summary>
    public string? Scope { get; set; }

    /// <summary>The signed PDF, kept from its first making: a signature carries its signing time, so the file handed
    /// out is stored and every later download gets the same bytes (and the hash verification shows).</summary>
    public byte[]? Pdf { get; set; }

    /// <summary>SHA-256 of <see cref="Pdf"/>, lower-case hex; shown on verification.</summary>
    public string? PdfSha256 { get; set; }

    public bool IsSpecial => Scope is not null;
}

public enum GranteeKind
{
    Enterprise,
    Person,
}

/// <summary>授权用途.</summary>
public enum GrantPurpose
{
    LoanApproval,
    Recruitment,
    Lease,
    Tendering,
    Other,
}

public static class GrantPurposeText
{
    public static string Label(this GrantPurpose purpose) => purpose switch
    {
        GrantPurpose.LoanApproval => "贷款审批",
        GrantPurpose.Recruitment => "招聘",
        GrantPurpose.Lease => "租赁",
        GrantPurpose.Tendering => "招投标",
        _ => "其他",
    };
}

/// <summary>授权: a person lets a named requester obtain their personal report for a purpose, for a while.</summary>
public sealed class ReportGrant
{
    public required string Id { get; set; }

    /// <summary>Hash of the grant code handed to the requester (<see cref="ReportCodes.HashGrantCode"/>).</summary>
    public required string CodeHash { get; set; }

    /// <summary>The granting person: keyed ID hash.</summary>
    public required string SubjectKey { get; set; }

    public required string SubjectName { get; set; }

    public required string SubjectMaskedIdNumber { get; set; }

    public GranteeKind GranteeKind { get; set; }

    /// <summary>The requester's key: USCC for a company, keyed ID hash for a person.</summary>
    public required string GranteeKey { get; set; }

    /// <summary>As the subject typed it (a company's name, or a person's name); shown in lists.</summary>
    public required string GranteeName { get; set; }

    /// <summary>USCC, or the masked ID number of a person requester.</summary>
    public required string GranteeDisplayId { get; set; }

    public GrantPurpose Purpose { get; set; }

    /// <summary>The text for <see cref="GrantPurpose.Other"/>.</summary>
    public string? PurposeText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public bool SingleUse { get; set; }

    public int UseCount { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Set when an organisation shares one issued report (a special report) rather than letting the requester
    /// obtain a new one: the grant opens exactly that report.</summary>
    public string? ReportId { get; set; }

    public string PurposeLabel => Purpose == GrantPurpose.Other && !string.IsNullOrWhiteSpace(PurposeText)
        ? $"其他：{PurposeText}"
        : Purpose.Label();

    /// <summary>Opens reports on <paramref name="now"/>: not revoked, not expired.</summary>
    public bool IsOpenAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public bool IsUsedUp => SingleUse && UseCount >= 1;
}

public enum ReportAction
{
    View,
    Download,
}

public enum ViewerRole
{
    Subject,
    Grantee,
    Staff,
}

/// <summary>One view or download of a report. Append-only: nothing in the code updates or deletes a row, and the
/// database refuses it by trigger.</summary>
public sealed class ReportAccess
{
    public long Id { get; set; }

    public required string ReportId { get; set; }

    public required string ReportNumber { get; set; }

    /// <summary>Whose record this is: the report's subject key.</summary>
    public required string SubjectKey { get; set; }

    public DateTimeOffset At { get; set; }

    public ReportAction Action { get; set; }

    public ViewerRole ViewerRole { get; set; }

    /// <summary>Name of the viewer (and the company for a representative); never an ID number.</summary>
    public required string ViewerName { get; set; }

    public string? ViewerUscc { get; set; }

    public required string Purpose { get; set; }

    public string? GrantId { get; set; }
}
