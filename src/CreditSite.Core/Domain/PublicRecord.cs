namespace CreditSite.Domain;

/// <summary>One public credit record as the system of record holds it: an administrative licence (行政许可), an
/// administrative penalty (行政处罚) or a credit commitment (信用承诺). The columns every kind has come first; those of
/// one kind are null for the others. A natural person's resident ID is held only as its keyed hash and masked form.</summary>
public sealed class PublicRecord
{
    public RecordKind Kind { get; set; }

    /// <summary>The source platform's id, unique within <see cref="Kind"/>; re-importing it updates the record.</summary>
    public required string RecordId { get; set; }

    public SubjectType SubjectType { get; set; }

    public required string SubjectName { get; set; }

    /// <summary>统一社会信用代码, for organisations (and individual businesses that have one).</summary>
    public string? Uscc { get; set; }

    /// <summary>法定代表人 (负责人) of an organisation.</summary>
    public string? LegalRepresentative { get; set; }

    /// <summary>HMAC of the resident ID number, for persons.</summary>
    public string? ResidentIdHash { get; set; }

    /// <summary>e.g. 320402********0012.</summary>
    public string? MaskedIdNumber { get; set; }

    /// <summary>The subject's id in URLs, as for list entries: the USCC, or a keyed hash prefix for persons.</summary>
    public required string SubjectKey { get; set; }

    /// <summary>行政处罚决定书文号 / 行政许可决定文书号; empty for commitments.</summary>
    public string DecisionNumber { get; set; } = string.Empty;

    /// <summary>处罚决定日期 / 许可决定日期 / 承诺日期 (made_on).</summary>
    public DateOnly DecisionDate { get; set; }

    /// <summary>The last day in public view. Penalties and commitments: from the file, or the catalogue's maximum when
    /// the file leaves it empty. Licences: the end of validity (<see cref="ValidTo"/>), or none.</summary>
    public DateOnly? PublicUntil { get; set; }

    /// <summary>处罚机关 / 许可机关 / 承诺受理单位 (accepted_by).</summary>
    public string Department { get; set; } = string.Empty;

    public string? DepartmentUscc { get; set; }

    /// <summary>数据来源单位, when another body supplied the data.</summary>
    public string? SourceDepartment { get; set; }

    /// <summary>领域 from the catalogue, when the file gives one.</summary>
    public string? Field { get; set; }

    /// <summary>处罚内容 / 许可内容 / 承诺内容.</summary>
    public string Content { get; set; } = string.Empty;

    public RecordStatus Status { get; set; }

    // Penalty (行政处罚).
    public string? ViolationType { get; set; }
    public string? Facts { get; set; }
    public string? LegalBasis { get; set; }

    /// <summary>处罚类别: one or more of the kinds in 《行政处罚法》 art. 9, as the catalogue names them.</summary>
    public IReadOnlyList<string> PenaltyTypes { get; set; } = [];

    /// <summary>罚款金额, in 万元.</summary>
    public decimal? FineAmount { get; set; }

    /// <summary>没收违法所得、没收非法财物的金额, in 万元.</summary>
    public decimal? ConfiscatedAmount { get; set; }

    /// <summary>暂扣或吊销证照名称及编号.</summary>
    public string? LicenceAffected { get; set; }

    public Severity? Severity { get; set; }

    /// <summary>适用简易程序.</summary>
    public bool SimplifiedProcedure { get; set; }

    // Licence (行政许可).
    public string? DecisionTitle { get; set; }

    /// <summary>许可类别 (licences) or 承诺类型 (commitments), from the catalogue.</summary>
    public string? Category { get; set; }

    public string? CertificateName { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>The catalogue says records like this are not published (a penalty under the simplified procedure): kept
    /// for the subject's own view and special reports, never shown to the public.</summary>
    public bool Unpublished { get; set; }

    /// <summary>When an import last wrote the record.</summary>
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>When the record was first imported: its publication date, which the timeliness page compares with the
    /// decision date.</summary>
    public DateTimeOffset FirstImportedAt { get; set; }

    /// <summary>Its status (or <see cref="Unpublished"/>) takes the record out of public view whatever the day: a
    /// repaired or revoked penalty, a withdrawn commitment, an expired licence. A revoked or cancelled licence stays in view showing its status.</summary>
    public bool IsWithdrawn => Unpublished || Status is RecordStatus.Repaired or RecordStatus.Withdrawn or RecordStatus.Expired
        || (Kind == RecordKind.Penalty && Status == RecordStatus.Revoked);

    /// <summary>In public view on <paramref name="today"/>: its status allows it and its period has not ended.</summary>
    public bool IsPublicOn(DateOnly today) => !IsWithdrawn && (PublicUntil is null || PublicUntil >= today);
}
