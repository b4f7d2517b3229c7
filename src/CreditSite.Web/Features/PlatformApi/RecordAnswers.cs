using System.ComponentModel;
using System.Text.Json.Serialization;
using CreditSite.Domain;
using CreditSite.Indexing;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Search;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>A public record (行政许可, 行政处罚 or 信用承诺) as the open API hands it out: every public field, its
/// status and its page. A person is known by name and masked ID number only; fields a kind does not have are left out.</summary>
[Description("一条公共信用记录（行政许可、行政处罚或信用承诺）的全部公示字段。某类记录没有的字段、以及为空的字段不出现。")]
public sealed record RecordAnswer
{
    [Description("记录类别。"), ApiCodes(typeof(RecordsApiDocs), nameof(RecordsApiDocs.Kinds))]
    public required string Kind { get; init; }

    [Description("记录编号（数据来源单位的编号），在同一类别内唯一；与 kind 一起标识一条记录。")]
    public required string Id { get; init; }

    [Description("本站该记录详情页的完整地址。")]
    public required string Url { get; init; }

    [Description("信用主体类型。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.SubjectTypes))]
    public required string SubjectType { get; init; }

    [Description("信用主体名称（自然人为姓名）。")]
    public required string SubjectName { get; init; }

    [Description("统一社会信用代码；法人、其他组织和有代码的个体工商户有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Uscc { get; init; }

    [Description("法定代表人（负责人、经营者）姓名。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalRepresentative { get; init; }

    [Description("身份证号码的掩码形式（如 320402********0012）；只有自然人的记录有。完整号码不会返回。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MaskedIdNumber { get; init; }

    [Description("决定文书号：行政处罚决定书文号或行政许可决定文书号。信用承诺没有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DecisionNumber { get; init; }

    [Description("决定日期：处罚决定日期、许可决定日期；信用承诺为承诺日期。")]
    public required DateOnly DecisionDate { get; init; }

    [Description("公示截止日期（含当日），此后不再公示；行政许可为有效期截止日期。没有时长期公示。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? PublicUntil { get; init; }

    [Description("作出决定的部门：处罚机关、许可机关；信用承诺为承诺受理单位。")]
    public required string Department { get; init; }

    [Description("作出决定的部门的统一社会信用代码。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DepartmentUscc { get; init; }

    [Description("数据来源单位，由其他单位报送时才有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SourceDepartment { get; init; }

    [Description("领域，如 食品药品。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Field { get; init; }

    [Description("处罚内容、许可内容或承诺内容。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Content { get; init; }

    [Description("记录状态。已信用修复、已撤销的处罚，已撤回的承诺和已过期的许可不再公示，不会出现在公示记录中。"), ApiCodes(typeof(RecordsApiDocs), nameof(RecordsApiDocs.Statuses))]
    public required string Status { get; init; }

    [Description("状态的中文说法，如 公示中、有效、已撤销、异议处理中。")]
    public required string StatusLabel { get; init; }

    [Description("首次在本站公示（首次导入）的时间，ISO 8601，北京时间。")]
    public required DateTimeOffset PublishedAt { get; init; }

    [Description("最近一次导入写入该记录的时间，ISO 8601，北京时间。")]
    public required DateTimeOffset UpdatedAt { get; init; }

    [Description("违法行为类型；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ViolationType { get; init; }

    [Description("违法事实；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Facts { get; init; }

    [Description("处罚依据；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalBasis { get; init; }

    [Description("处罚类别（《行政处罚法》第九条），一个或多个，如 警告、罚款；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? PenaltyTypes { get; init; }

    [Description("罚款金额，单位万元；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? FineAmount { get; init; }

    [Description("没收违法所得、没收非法财物的金额，单位万元；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? ConfiscatedAmount { get; init; }

    [Description("暂扣或吊销的证照名称及编号；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LicenceAffected { get; init; }

    [Description("违法行为轻重程度，决定公示期限；只有行政处罚有。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.Severities))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Severity { get; init; }

    [Description("是否适用简易程序；只有行政处罚有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? SimplifiedProcedure { get; init; }

    [Description("行政许可决定书名称；只有行政许可有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DecisionTitle { get; init; }

    [Description("许可类别，如 普通、特许、认可、核准、登记、其他；只有行政许可有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LicenceCategory { get; init; }

    [Description("许可证书名称；只有行政许可有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CertificateName { get; init; }

    [Description("许可证书编号；只有行政许可有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CertificateNumber { get; init; }

    [Description("许可有效期起始日期；只有行政许可有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? ValidFrom { get; init; }

    [Description("许可有效期截止日期；只有行政许可有。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? ValidTo { get; init; }

    [Description("承诺类型，如 审批替代型、证明事项告知承诺、主动公示型、信用修复型、行业自律型；只有信用承诺有。")]
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
            DecisionDate = r.DecisionDate,
            PublicUntil = r.PublicUntil,
            Department = r.Department,
            DepartmentUscc = Text(r.DepartmentUscc),
            SourceDepartment = Text(r.SourceDepartment),
            Field = Text(r.Field),
            Content = Text(r.Content),
            Status = r.Status.Code(),
            StatusLabel = r.Status.Label(r.Kind),
            PublishedAt = ApiTime.Beijing(r.FirstImportedAt),
            UpdatedAt = ApiTime.Beijing(r.ImportedAt),
            ViolationType = penalty ? Text(r.ViolationType) : null,
            Facts = penalty ? Text(r.Facts) : null,
            LegalBasis = penalty ? Text(r.LegalBasis) : null,
            PenaltyTypes = penalty && r.PenaltyTypes.Count > 0 ? r.PenaltyTypes : null,
            FineAmount = penalty ? r.FineAmount : null,
            ConfiscatedAmount = penalty ? r.ConfiscatedAmount : null,
            LicenceAffected = penalty ? Text(r.LicenceAffected) : null,
            Severity = penalty ? r.Severity?.Code() : null,
            SimplifiedProcedure = penalty ? r.SimplifiedProcedure : null,
            DecisionTitle = licence ? Text(r.DecisionTitle) : null,
            LicenceCategory = licence ? Text(r.Category) : null,
            CertificateName = licence ? Text(r.CertificateName) : null,
            CertificateNumber = licence ? Text(r.CertificateNumber) : null,
            ValidFrom = licence ? r.ValidFrom : null,
            ValidTo = licence ? r.ValidTo : null,
            CommitmentType = r.Kind == RecordKind.Commitment ? Text(r.Category) : null,
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>基础信息: an organisation's registry record as the open API hands it out.</summary>
[Description("基础信息：法人和其他组织的登记信息。为空的字段不出现。")]
public sealed record RegistrationAnswer(
    [property: Description("统一社会信用代码。")] string Uscc,
    [property: Description("登记名称。")] string Name,
    [property: Description("曾用名，新的在前；没有时为空数组。")] IReadOnlyList<string> FormerNames,
    [property: Description("市场主体类型，如 有限责任公司（自然人投资或控股）。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EntityType,
    [property: Description("法定代表人（负责人）。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LegalRepresentative,
    [property: Description("成立日期。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? RegisteredOn,
    [property: Description("登记机关。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RegistrationAuthority,
    [property: Description("住所（经营场所）。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address,
    [property: Description("登记状态，如 存续、注销、吊销、迁出。")] string Status)
{
    public static RegistrationAnswer From(RegistrySubject s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new RegistrationAnswer(s.Uscc, s.Name, s.FormerNames, s.EntityType, s.LegalRepresentative, s.RegisteredOn,
            s.RegistrationAuthority, s.Address, s.Status);
    }
}

/// <summary>Times as the open API writes them: ISO 8601 with the China Standard Time offset.</summary>
public static class ApiTime
{
    public static DateTimeOffset Beijing(DateTimeOffset time) => time.ToOffset(CreditCalendar.ChinaStandardTime);
}
