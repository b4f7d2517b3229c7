using System.ComponentModel;
using System.Text.Json.Serialization;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.PlatformApi;

namespace CreditSite.Web.Features.Search;

// The JSON answers of GET /api/v1/search and GET /api/v1/subjects/{uscc}. Each property carries its description for
// the API reference ([Description], Chinese); a property holding codes names its code list ([ApiCodes]).

[Description("名称、代码等的一个取值及其结果数。")]
public sealed record FacetAnswer(
    [property: Description("取值：代码（如 list_entry、black）或中文名称（领域、认定部门）。可原样用作同名查询参数的值。")] string Value,
    [property: Description("符合当前查询、取此值的结果行数（同一主体只计一次）。")] long Count);

[Description("一条结果：名单条目、行政许可、行政处罚、信用承诺、主体登记信息、诚信典型、政策法规或公示公告。")]
public sealed record HitAnswer(
    [property: Description("结果编号，在本站唯一，如 entry:JS-2025-000123。")] string Id,
    [property: Description("信息类型。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.DocumentTypes))] string Type,
    [property: Description("标题：名单条目和登记信息为信用主体名称，行政许可、行政处罚、信用承诺为“主体名称（类别）”，其他为文章标题。")] string Title,
    [property: Description("标题的 HTML 形式：已转义，只用 <mark> 标出命中的词，可直接放入网页。")] string TitleHtml,
    [property: Description("正文摘要片段的 HTML 形式，规则同 titleHtml。")] string SnippetHtml,
    [property: Description("本站详情页的站内路径（如 /subjects/91320402MA1B00025Q），前面加上本站地址即可访问。")] string Url,
    [property: Description("日期：名单条目、行政许可、行政处罚为决定日期，信用承诺为承诺日期，登记信息为成立日期，其他为发布日期。")] DateOnly Date,
    [property: Description("名单类别；只有名单条目有，其他为 null。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.ListKinds))] string? ListKind,
    [property: Description("信用主体类型；名单条目、记录和登记信息有，其他为 null。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.SubjectTypes))] string? SubjectType,
    [property: Description("信用主体名称；名单条目、记录和登记信息有。")] string? SubjectName,
    [property: Description("统一社会信用代码；法人和其他组织的名单条目、记录和登记信息有，诚信典型有时也有。")] string? Uscc,
    [property: Description("身份证号码的掩码形式（如 320402********0012）；只有自然人的名单条目和记录有。完整号码不会返回。")] string? MaskedIdNumber,
    [property: Description("领域，如 食品药品、税务；名单条目有，记录有时也有。")] string? Field,
    [property: Description("认定部门；行政许可为许可机关，行政处罚为处罚机关，信用承诺为承诺受理单位。")] string? IssuingDepartment,
    [property: Description("决定文书号；名单条目、行政许可和行政处罚有。")] string? DecisionNumber,
    [property: Description("公示截止日期（含当日），此后不再公示；名单条目、行政处罚和信用承诺有，行政许可为有效期截止日期。")] DateOnly? PublicUntil,
    [property: Description("失信程度；黑名单条目有，行政处罚为违法行为轻重程度。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.Severities))] string? Severity,
    [property: Description("条目状态；只有名单条目有。已退出、已信用修复或过了公示期的条目不会返回。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.EntryStatuses))] string? Status,
    [property: Description("记录状态；只有行政许可、行政处罚、信用承诺有（撤回、已信用修复或过了公示期的不会返回）。"), ApiCodes(typeof(RecordsApiDocs), nameof(RecordsApiDocs.Statuses)),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordStatus = null,
    [property: Description("类别：行政许可为许可类别，信用承诺为承诺类型，诚信典型为荣誉类别。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Category = null,
    [property: Description("处罚类别，一个或多个；只有行政处罚有。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PenaltyTypes = null,
    [property: Description("曾用名；只有登记信息有（按曾用名也能查到该主体）。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? FormerNames = null,
    [property: Description("一站式查询按信用主体合并结果：这一行代表一个信用主体时给出该主体的概况（名称、证件、各类信息条数、名单状态），"
        + "其余字段则是该主体与查询最相关的一条信息；政策法规、公示公告和没有主体的诚信典型没有此字段。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    SubjectRowAnswer? Subject = null)
{
    public static HitAnswer From(SearchHit hit) => From(hit, null);

    /// <param name="queryText">The text searched for (null for identifier and browse queries): says whether a
    /// subject was found by a former name.</param>
    public static HitAnswer From(SearchHit hit, string? queryText)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var d = hit.Document;
        return new HitAnswer(d.Id, SearchParameters.TypeCode(d.Type), d.Title, hit.TitleHtml, hit.SnippetHtml, d.Url,
            d.Date, d.ListKind?.Code(), d.SubjectType?.Code(), d.SubjectName, d.Uscc, d.MaskedIdNumber, d.Field,
            d.IssuingDepartment, d.DecisionNumber, d.PublicUntil, d.Severity?.Code(), d.Status?.Code(),
            d.RecordStatus?.Code(), d.Category, d.PenaltyTypes, d.FormerNames,
            SubjectRow.Of(hit, queryText) is { } row ? SubjectRowAnswer.From(row) : null);
    }
}

[Description("一行所代表的信用主体：名称、证件、当天公示中的各类信息条数和名单状态。")]
public sealed record SubjectRowAnswer(
    [property: Description("主体标识：法人和其他组织为统一社会信用代码，自然人为由身份证号码派生的编号（不含号码本身）。")] string SubjectKey,
    [property: Description("现名称（有登记信息时为登记名称）。")] string Name,
    [property: Description("本站上该主体页面的站内路径，列出下面各项计数所对应的全部信息。")] string Url,
    [property: Description("信用主体类型。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.SubjectTypes))] string? SubjectType,
    [property: Description("统一社会信用代码；法人和其他组织有。")] string? Uscc,
    [property: Description("身份证号码的掩码形式；只有自然人有。完整号码不会返回。")] string? MaskedIdNumber,
    [property: Description("曾用名（来自登记信息）。")] IReadOnlyList<string> FormerNames,
    [property: Description("查询词命中的是这个曾用名而不是现名称时给出该曾用名，否则没有此字段。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MatchedFormerName,
    [property: Description("当天公示中的各类信息条数（全部，不只是与查询相关的）。")] SubjectCountsAnswer Counts,
    [property: Description("当天所在的名单：red（红名单）、black（黑名单）；都不在时为空数组。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.ListKinds))] IReadOnlyList<string> Lists,
    [property: Description("名单条目中值得注意的状态，如 under_objection（异议处理中）；没有时为空数组。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.EntryStatuses))] IReadOnlyList<string> Statuses,
    [property: Description("该主体与查询相关的信息条数。")] int MatchedDocuments)
{
    public static SubjectRowAnswer From(SubjectRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var s = row.Subject;
        return new SubjectRowAnswer(s.SubjectKey, s.Name, row.Url, s.SubjectType?.Code(), s.Uscc, s.MaskedIdNumber, s.FormerNames,
            row.MatchedFormerName,
            new SubjectCountsAnswer(row.CountOf(DocumentType.ListEntry), row.CountOf(DocumentType.Licence), row.CountOf(DocumentType.Penalty),
                row.CountOf(DocumentType.Commitment), row.CountOf(DocumentType.RoleModel)),
            row.Lists.Select(k => k.Code()).ToList(), row.Statuses.Select(st => st.Code()).ToList(), s.MatchedDocuments);
    }
}

[Description("一个信用主体当天公示中的各类信息条数。")]
public sealed record SubjectCountsAnswer(
    [property: Description("列入名单（红名单、黑名单）的条目数。")] int ListEntries,
    [property: Description("行政许可条数（含已撤销、已注销而仍在公示的）。")] int Licences,
    [property: Description("行政处罚条数。")] int Penalties,
    [property: Description("信用承诺条数。")] int Commitments,
    [property: Description("诚信典型（荣誉）条数。")] int RoleModels);

[Description("一站式查询的结果。")]
public sealed record SearchAnswer(
    [property: Description("实际查询的内容（已清理；身份证号码只以掩码形式出现）。")] string Query,
    [property: Description("查询词被识别为何种查询。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.QueryKinds))] string QueryKind,
    [property: Description("符合条件的结果行数：同一信用主体的名单条目、行政许可、行政处罚、信用承诺和登记信息合为一行，政策法规、公示公告各占一行。"
        + "totalIsLowerBound 为 true 时表示至少有这么多。")] long Total,
    [property: Description("本页页码，从 1 开始。")] int Page,
    [property: Description("每页条数。")] int PageSize,
    [property: Description("总页数；没有结果时为 0。")] int PageCount,
    [property: Description("本页的结果，每个信用主体一行（见 subject）。")] IReadOnlyList<HitAnswer> Hits,
    [property: Description("分面统计：键为 type、list_kind、field、department、subject_type、category、penalty_type，值为该维度各取值及其结果行数"
        + "（一个主体有多条信息取同一值时只计一次），可用作相应查询参数的值。")]
    IReadOnlyDictionary<string, IReadOnlyList<FacetAnswer>> Facets)
{
    [Description("为 true 时结果很多，只数到 total 为止（页面显示为“10,000+”）；为 false 时 total 是确切的行数。")]
    public bool TotalIsLowerBound { get; init; }

    [Description("为 true 时符合条件的信息极多，本站按相关度从分布在全部信息中的一部分里选出结果：total、facets 中的数目和每行的 matchedDocuments 都是“至少”数。"
        + "加上更多字词或筛选条件可得到确切结果。")]
    public bool CountedFromSample { get; init; }

    [Description("本站载有演示数据时才有此字段，提示数据并非真实决定。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }

    /// <summary>The wire code of how the query was read.</summary>
    public static string QueryKindCode(QueryKind kind) => kind switch
    {
        Search.QueryKind.Uscc => "uscc",
        Search.QueryKind.ResidentId => "resident_id",
        Search.QueryKind.Browse => "browse",
        _ => "text",
    };

    public static SearchAnswer From(InterpretedQuery query, SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(results);
        var queryText = query.Kind == Search.QueryKind.Text ? query.Text : null;
        return new SearchAnswer(query.Display, QueryKindCode(query.Kind), results.Total, results.Page, results.PageSize, results.PageCount,
            results.Hits.Select(h => HitAnswer.From(h, queryText)).ToList(),
            results.Facets.ByDimension.ToDictionary(p => p.Key, p => (IReadOnlyList<FacetAnswer>)p.Value.Select(v => new FacetAnswer(v.Value, v.Count)).ToList()))
        {
            TotalIsLowerBound = results.TotalIsLowerBound,
            CountedFromSample = results.CountedFromSample,
        };
    }
}

[Description("一个信用主体当天公示中的全部信息，按全国信用信息共享平台的分组：基础信息、行政许可、行政处罚、守信激励、严重失信主体名单、信用承诺。")]
public sealed record SubjectAnswer(
    [property: Description("主体标识：法人和其他组织为统一社会信用代码。")] string SubjectKey,
    [property: Description("信用主体名称（有登记信息时为登记名称）。")] string Name,
    [property: Description("统一社会信用代码。")] string? Uscc,
    [property: Description("信用主体类型。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.SubjectTypes))] string SubjectType,
    [property: Description("当天在红黑名单上的状态。"), ApiCodes(typeof(SearchApiDocs), nameof(SearchApiDocs.SubjectStandings))] string Status,
    [property: Description("基础信息（登记信息，含曾用名）；本站没有该主体的登记信息时为 null。")] RegistrationAnswer? Registration,
    [property: Description("公示中的行政许可（含已撤销、已注销的，状态见 status），新的在前。")] IReadOnlyList<RecordAnswer> Licences,
    [property: Description("公示中的行政处罚，新的在前；已信用修复、已撤销或过了公示期的不返回。")] IReadOnlyList<RecordAnswer> Penalties,
    [property: Description("公示中的红名单条目（守信激励），新的在前。")] IReadOnlyList<HitAnswer> RedList,
    [property: Description("公示中的黑名单条目（严重失信主体名单），新的在前。")] IReadOnlyList<HitAnswer> BlackList,
    [property: Description("诚信典型（荣誉），新的在前。")] IReadOnlyList<HitAnswer> RoleModels,
    [property: Description("公示中的信用承诺，新的在前；已撤回或过了公示期的不返回。")] IReadOnlyList<RecordAnswer> Commitments)
{
    public const string Black = "black";
    public const string Red = "red";
    public const string Clean = "clean";

    [Description("本站载有演示数据时才有此字段，提示数据并非真实决定。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }

    /// <param name="entries">The list entries and honours, when any is in public view.</param>
    public static SubjectAnswer From(string uscc, SubjectRecord? entries, SubjectPublicRecords records, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(records);
        var (name, type) = entries is not null ? (entries.Name, entries.SubjectType) : records.Subject ?? (uscc, Domain.SubjectType.LegalPerson);
        if (records.Registration is { } registered)
        {
            name = registered.Name;
        }

        IReadOnlyList<HitAnswer> none = [];
        return new SubjectAnswer(uscc, name, uscc, type.Code(),
            entries is null ? Clean : entries.BlackList.Count > 0 ? Black : entries.RedList.Count > 0 ? Red : Clean,
            records.Registration is { } r ? RegistrationAnswer.From(r) : null,
            records.Licences.Select(l => RecordAnswer.From(l, baseUrl)).ToList(),
            records.Penalties.Select(p => RecordAnswer.From(p, baseUrl)).ToList(),
            entries?.RedList.Select(HitAnswer.From).ToList() ?? none,
            entries?.BlackList.Select(HitAnswer.From).ToList() ?? none,
            entries?.RoleModels.Select(HitAnswer.From).ToList() ?? none,
            records.Commitments.Select(c => RecordAnswer.From(c, baseUrl)).ToList());
    }
}
