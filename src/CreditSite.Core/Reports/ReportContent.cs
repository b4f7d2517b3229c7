using System.Text.Json.Serialization;
using CreditSite.Domain;
using CreditSite.Reports.Special;

namespace CreditSite.Reports;

public enum ReportKind
{
    /// <summary>个人公共信用信息报告.</summary>
    Personal,

    /// <summary>企业公共信用信息报告.</summary>
    Enterprise,
}

public static class ReportKindText
{
    public static string Title(this ReportKind kind) =>
        kind == ReportKind.Personal ? "个人公共信用信息报告" : "企业公共信用信息报告";

    /// <summary>Who the report may be given to, in the report's own words: a person's report only to the person (the
    /// 2019 notice: 个人公共信用信息授权查询服务), a company's to the company, acting through its representative, or to
    /// whom it authorises.</summary>
    public static string Basis(this ReportKind kind) => kind == ReportKind.Personal
        ? "个人公共信用信息报告仅向信息主体本人或经其授权的查询者提供，每次查看和下载均登记在案，信息主体可随时查阅。"
        : "企业公共信用信息报告仅向该企业（由其法定代表人或经办人办理）或经其授权的查询者提供，每次查看和下载均登记在案，企业可随时查阅。";
}

/// <summary>Who a report is about. A person is known by the keyed hash of the ID number and its masked form only.</summary>
public sealed record ReportSubject(ReportKind Kind, string Name, string? Uscc, string? ResidentIdHash, string? MaskedIdNumber)
{
    /// <summary>The key reports, grants and the access record are filed under: the USCC or the ID hash.</summary>
    public string Key => Kind == ReportKind.Enterprise ? Uscc! : ResidentIdHash!;

    public static ReportSubject Person(string name, string residentIdHash, string maskedIdNumber) =>
        new(ReportKind.Personal, name, null, residentIdHash, maskedIdNumber);

    public static ReportSubject Enterprise(string name, string uscc) => new(ReportKind.Enterprise, name, uscc, null, null);
}

/// <summary>One record in a report: a red/black list decision, a role-model honour, or a public record (行政许可,
/// 行政处罚, 信用承诺).</summary>
public sealed record ReportItem
{
    public required string Title { get; init; }
    public ListKind? ListKind { get; init; }
    public bool IsRoleModel { get; init; }

    /// <summary>Set for a public record: which kind.</summary>
    public RecordKind? RecordKind { get; init; }

    /// <summary>Role models: the honour. Licences: 许可类别. Commitments: 承诺类型.</summary>
    public string? Category { get; init; }
    public string? Field { get; init; }
    public string? IssuingDepartment { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly Date { get; init; }
    public DateOnly? PublicUntil { get; init; }
    public Severity? Severity { get; init; }
    public EntryStatus? Status { get; init; }
    public string? LegalBasis { get; init; }
    public string? Summary { get; init; }

    /// <summary>Public records: the record's own status (有效, 已撤销, 异议处理中 …).</summary>
    public RecordStatus? RecordStatus { get; init; }

    /// <summary>Penalties: 处罚类别.</summary>
    public IReadOnlyList<string>? PenaltyTypes { get; init; }

    public bool IsUnderObjection => Status == EntryStatus.UnderObjection || RecordStatus == Domain.RecordStatus.UnderObjection;
}

/// <summary>基础信息 from an organisation's registry record, as the report froze it.</summary>
public sealed record ReportRegistration
{
    public required string Name { get; init; }
    public IReadOnlyList<string> FormerNames { get; init; } = [];
    public string? EntityType { get; init; }
    public string? LegalRepresentative { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public string? RegistrationAuthority { get; init; }
    public string? Address { get; init; }
    public required string Status { get; init; }

    public static ReportRegistration From(RegistrySubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new ReportRegistration
        {
            Name = subject.Name,
            FormerNames = subject.FormerNames,
            EntityType = subject.EntityType,
            LegalRepresentative = subject.LegalRepresentative,
            RegisteredOn = subject.RegisteredOn,
            RegistrationAuthority = subject.RegistrationAuthority,
            Address = subject.Address,
            Status = subject.Status,
        };
    }
}

/// <summary>What a report says, frozen at issue time and stored with it, grouped the way the national portal groups
/// records: 基础信息, 行政许可, 行政处罚, 守信激励, 严重失信主体名单, 信用承诺, 其他. Reports issued before the site
/// published licences and penalties have none of those sections (<see cref="HasRecordSections"/> is false) and keep
/// reading as they were issued: 基础信息, 守信激励, 严重失信主体名单, 信用承诺, 其他.</summary>
public sealed record ReportContent
{
    public required ReportKind Kind { get; init; }
    public required string SubjectName { get; init; }
    public string? Uscc { get; init; }
    public string? MaskedIdNumber { get; init; }

    /// <summary>The day whose public view the report shows.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>守信激励: red-list entries and role-model honours.</summary>
    public IReadOnlyList<ReportItem> Honours { get; init; } = [];

    /// <summary>严重失信主体名单: black-list entries in public view, those under objection marked as such.</summary>
    public IReadOnlyList<ReportItem> BlackList { get; init; } = [];

    /// <summary>信用承诺: public pledges in public view.</summary>
    public IReadOnlyList<ReportItem> Commitments { get; init; } = [];

    /// <summary>基础信息 from the registry (enterprises); null when the site holds no registry record, and in older reports.</summary>
    public ReportRegistration? Registration { get; init; }

    /// <summary>行政许可 in public view; null in reports issued before the site published them.</summary>
    public IReadOnlyList<ReportItem>? Licences { get; init; }

    /// <summary>行政处罚 in public view, those under objection marked as such; null in reports issued before the site
    /// published them.</summary>
    public IReadOnlyList<ReportItem>? Penalties { get; init; }

    /// <summary>Gathered with the 行政许可 and 行政处罚 sections (every report issued since they were published).</summary>
    [JsonIgnore]
    public bool HasRecordSections => Licences is not null && Penalties is not null;

    [JsonIgnore]
    public bool HasUnderObjection => Honours.Concat(BlackList).Concat(Penalties ?? []).Any(i => i.IsUnderObjection);

    /// <summary>The record sections in the order the report prints them, each with its heading and the sentence for an
    /// empty one; the renderers number them (<see cref="ReportSection.Numbered"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<ReportSection> RecordSections => HasRecordSections
        ?
        [
            new("行政许可", Licences!, "暂无公示中的行政许可信息。"),
            new("行政处罚", Penalties!, "暂无公示中的行政处罚信息。"),
            new("守信激励", Honours, "暂无守信激励信息。"),
            new("严重失信主体名单", BlackList, "暂无公示中的失信记录。"),
            new("信用承诺", Commitments, "暂无公示中的信用承诺信息。"),
        ]
        :
        [
            new("守信激励", Honours, "暂无守信激励信息。"),
            new("严重失信主体名单", BlackList, "暂无公示中的失信记录。"),
            new("信用承诺", Commitments, "暂无信用承诺信息。"),
        ];

    /// <summary>记录概况: the count of each section, in one sentence.</summary>
    [JsonIgnore]
    public string Overview => HasRecordSections
        ? $"行政许可 {Licences!.Count} 条；行政处罚 {Penalties!.Count} 条；守信激励 {Honours.Count} 条；严重失信主体名单（黑名单）{BlackList.Count} 条；信用承诺 {Commitments.Count} 条"
        : $"守信激励 {Honours.Count} 条；严重失信主体名单（黑名单）{BlackList.Count} 条";
}

/// <summary>One numbered section of records in a report.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportItem> Items, string WhenEmpty)
{
    /// <summary>一、二、… for section <paramref name="number"/> (1 to 10: a report has at most seven).</summary>
    public static string Numbered(int number, string heading) =>
        "一二三四五六七八九十"[Math.Clamp(number, 1, 10) - 1] + "、" + heading;
}

/// <summary>A report as handed out: its content plus the parts that make it verifiable.</summary>
public sealed record IssuedReport(
    string Number, string VerificationCode, DateTimeOffset IssuedAt, DateTimeOffset ValidUntil, Uri VerificationUrl, ReportContent Content)
{
    public const string IssuingBody = "常州市社会信用体系建设领导小组办公室";

    /// <summary>Set for a special credit report (专项信用报告); <see cref="Content"/> then holds only its subject.</summary>
    public SpecialReportContent? Special { get; init; }

    public static Uri BuildVerificationUrl(string publicBaseUrl, string number, string code)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri($"{publicBaseUrl.TrimEnd('/')}/reports/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");
    }
}
