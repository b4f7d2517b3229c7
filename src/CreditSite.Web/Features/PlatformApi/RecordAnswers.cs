using System.Globalization;
using System.Text.Json.Serialization;
using CreditSite.Domain;
using CreditSite.Indexing;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>A public record (行政许可, 行政处罚 or 信用承诺) as the open API hands it out: every public field, its
/// status and its page. A person is known by name and masked ID number only; fields a kind does not have are left out.</summary>
public sealed record RecordAnswer
{
    /// <summary><c>licence</c>, <c>penalty</c> or <c>commitment</c>.</summary>
    public required string Kind { get; init; }

    public required string Id { get; init; }

    /// <summary>The record's page on the site (absolute).</summary>
    public required string Url { get; init; }

    public required string SubjectType { get; init; }

    public required string SubjectName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Uscc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalRepresentative { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MaskedIdNumber { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DecisionNumber { get; init; }

    /// <summary>决定日期 (licences, penalties) or 承诺日期 (commitments), <c>yyyy-MM-dd</c>.</summary>
    public required string DecisionDate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PublicUntil { get; init; }

    public required string Department { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DepartmentUscc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SourceDepartment { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Field { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Content { get; init; }

    /// <summary>The record's own status code (<c>active</c>, <c>valid</c>, <c>revoked</c>, <c>under_objection</c> …).</summary>
    public required string Status { get; init; }

    /// <summary>The status in the site's words (公示中, 有效, 已撤销, 异议处理中 …).</summary>
    public required string StatusLabel { get; init; }

    /// <summary>When the record was first published on the site (first import), ISO 8601, China Standard Time.</summary>
    public required string PublishedAt { get; init; }

    /// <summary>When an import last wrote the record, ISO 8601, China Standard Time.</summary>
    public required string UpdatedAt { get; init; }

    // 行政处罚.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ViolationType { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Facts { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalBasis { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? PenaltyTypes { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? FineAmount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? ConfiscatedAmount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LicenceAffected { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Severity { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? SimplifiedProcedure { get; init; }

    // 行政许可.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DecisionTitle { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LicenceCategory { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CertificateName { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CertificateNumber { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ValidFrom { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ValidTo { get; init; }

    // 信用承诺.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CommitmentType { get; init; }

    public static RecordAnswer From(PublicRecord r, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(r);
        var penalty = r.Kind == RecordKind.Penalty;
        var licence = r.Kind == RecordKind.Licence;
        return new RecordAnswer
        {
            Kind = r.Kind.Code(),
            Id = r.RecordId,
            Url = baseUrl + RecordDocuments.Url(r.Kind, r.RecordId),
            SubjectType = r.SubjectType.Code(),
            SubjectName = r.SubjectName,
            Uscc = r.Uscc,
            LegalRepresentative = Text(r.LegalRepresentative),
            MaskedIdNumber = r.MaskedIdNumber,
            DecisionNumber = Text(r.DecisionNumber),
            DecisionDate = ApiFormat.Date(r.DecisionDate),
            PublicUntil = r.PublicUntil is { } until ? ApiFormat.Date(until) : null,
            Department = r.Department,
            DepartmentUscc = Text(r.DepartmentUscc),
            SourceDepartment = Text(r.SourceDepartment),
            Field = Text(r.Field),
            Content = Text(r.Content),
            Status = r.Status.Code(),
            StatusLabel = r.Status.Label(r.Kind),
            PublishedAt = ApiFormat.Time(r.FirstImportedAt),
            UpdatedAt = ApiFormat.Time(r.ImportedAt),
            ViolationType = penalty ? Text(r.ViolationType) : null,
            Facts = penalty ? Text(r.Facts) : null,
            LegalBasis = penalty ? Text(r.LegalBasis) : null,
            PenaltyTypes = penalty ? r.PenaltyTypes : null,
            FineAmount = penalty ? r.FineAmount : null,
            ConfiscatedAmount = penalty ? r.ConfiscatedAmount : null,
            LicenceAffected = penalty ? Text(r.LicenceAffected) : null,
            Severity = penalty ? r.Severity?.Code() : null,
            SimplifiedProcedure = penalty ? r.SimplifiedProcedure : null,
            DecisionTitle = licence ? Text(r.DecisionTitle) : null,
            LicenceCategory = licence ? Text(r.Category) : null,
            CertificateName = licence ? Text(r.CertificateName) : null,
            CertificateNumber = licence ? Text(r.CertificateNumber) : null,
            ValidFrom = licence && r.ValidFrom is { } from ? ApiFormat.Date(from) : null,
            ValidTo = licence && r.ValidTo is { } to ? ApiFormat.Date(to) : null,
            CommitmentType = r.Kind == RecordKind.Commitment ? Text(r.Category) : null,
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>基础信息: an organisation's registry record as the open API hands it out.</summary>
public sealed record RegistrationAnswer(
    string Uscc,
    string Name,
    IReadOnlyList<string> FormerNames,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EntityType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LegalRepresentative,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RegisteredOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RegistrationAuthority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address,
    string Status)
{
    public static RegistrationAnswer From(RegistrySubject s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new RegistrationAnswer(s.Uscc, s.Name, s.FormerNames, s.EntityType, s.LegalRepresentative,
            s.RegisteredOn is { } on ? ApiFormat.Date(on) : null, s.RegistrationAuthority, s.Address, s.Status);
    }
}

/// <summary>Dates and times as the open API writes them: <c>yyyy-MM-dd</c>, and ISO 8601 in China Standard Time.</summary>
public static class ApiFormat
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) =>
        time.ToOffset(CreditCalendar.ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
}
