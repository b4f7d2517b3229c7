using CreditSite.Domain;

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

/// <summary>One record in a report: a red/black list decision or a role-model honour.</summary>
public sealed record ReportItem
{
    public required string Title { get; init; }
    public ListKind? ListKind { get; init; }
    public bool IsRoleModel { get; init; }
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

    public bool IsUnderObjection => Status == EntryStatus.UnderObjection;
}

/// <summary>What a report says, frozen at issue time and stored with it, grouped the way the national portal groups
/// records: 基础信息, 守信激励, 严重失信主体名单, 信用承诺, 其他.</summary>
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

    /// <summary>信用承诺: public pledges. No source feeds them yet; the section says so.</summary>
    public IReadOnlyList<ReportItem> Commitments { get; init; } = [];

    public bool HasUnderObjection => Honours.Concat(BlackList).Any(i => i.IsUnderObjection);
}

/// <summary>A report as handed out: its content plus the parts that make it verifiable.</summary>
public sealed record IssuedReport(
    string Number, string VerificationCode, DateTimeOffset IssuedAt, DateTimeOffset ValidUntil, Uri VerificationUrl, ReportContent Content)
{
    public const string IssuingBody = "常州市社会信用体系建设领导小组办公室";

    public static Uri BuildVerificationUrl(string publicBaseUrl, string number, string code)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri($"{publicBaseUrl.TrimEnd('/')}/reports/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");
    }
}
