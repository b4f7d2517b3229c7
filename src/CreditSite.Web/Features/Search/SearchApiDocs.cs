using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.PlatformApi;

namespace CreditSite.Web.Features.Search;

/// <summary>The API reference of <see cref="SearchApi"/>: parameters, answers, problems and examples (Chinese), read
/// by the ApiDocs feature. The code lists are built from the same functions the handlers parse and write with, so
/// the document cannot offer a code the API refuses.</summary>
public static class SearchApiDocs
{
    public static readonly IReadOnlyList<ApiCode> DocumentTypes = ApiCode.Of<DocumentType>(t => t.Code(), SearchParameters.TypeLabel);

    public static readonly IReadOnlyList<ApiCode> ListKinds = ApiCode.Of<ListKind>(k => k.Code(), k => k.Label());

    public static readonly IReadOnlyList<ApiCode> SubjectTypes = ApiCode.Of<SubjectType>(t => t.Code(), t => t.Label());

    public static readonly IReadOnlyList<ApiCode> Sorts = ApiCode.Of<SearchSort>(SearchParameters.SortCode, SearchParameters.SortLabel);

    public static readonly IReadOnlyList<ApiCode> Groups =
    [
        new(SearchParameters.GroupBySubjectCode, "按信用主体合并：同一主体的名单条目、行政许可、行政处罚、信用承诺和登记信息合为一行，附 subject 概况"),
        new(SearchParameters.GroupNoneCode, "不合并：每条信息一行，没有 subject 字段（合并前的答复方式）"),
    ];

    public static readonly IReadOnlyList<ApiCode> Severities = ApiCode.Of<Severity>(s => s.Code(), s => s.Label());

    /// <summary>Only the statuses in public view: the others are never returned.</summary>
    public static readonly IReadOnlyList<ApiCode> EntryStatuses =
        ApiCode.Of<EntryStatus>(s => s.Code(), s => s.Label()).Where(c => c.Code is "active" or "under_objection").ToList();

    public static readonly IReadOnlyList<ApiCode> QueryKinds =
    [
        new(SearchAnswer.QueryKindCode(QueryKind.Text), "按名称等文字查询"),
        new(SearchAnswer.QueryKindCode(QueryKind.Uscc), "按统一社会信用代码精确查询"),
        new(SearchAnswer.QueryKindCode(QueryKind.ResidentId), "按身份证号码精确查询"),
        new(SearchAnswer.QueryKindCode(QueryKind.Browse), "未填查询词，浏览全部公示信息"),
    ];

    public static readonly IReadOnlyList<ApiCode> SubjectStandings =
    [
        new(SubjectAnswer.Black, "有公示中的失信黑名单条目"),
        new(SubjectAnswer.Red, "在红名单上，没有公示中的黑名单条目"),
        new(SubjectAnswer.Clean, "不在红黑名单上，只有诚信典型等其他公示信息"),
    ];

    public const string NotFoundDetail = "未找到该统一社会信用代码对应的公示信息。";

    private const string ExampleCode = "91320402MA1B00025Q";

    public static readonly ApiOperationDoc Search = new()
    {
        Parameters =
        [
            ApiParameterDoc.Text("q",
                "查询词：企业名称、统一社会信用代码、姓名或身份证号码。统一社会信用代码和身份证号码（18 位，末位可为 X）按证件精确查询，"
                + $"其余按文字查询；不填则浏览全部公示信息。至多 {QueryText.MaxLength} 个字符，超出部分不参与查询。",
                "建材", QueryText.MaxLength),
            ApiParameterDoc.ListOf("type", "只查询这些类型的信息；不填则查询全部类型。", DocumentTypes) with { Example = "list_entry" },
            ApiParameterDoc.OneOf("kind", "名单类别，只对名单条目有效；不填则红黑名单都查。", ListKinds) with { Example = "black" },
            ApiParameterDoc.Text("field", "领域，如 食品药品、税务；可用的取值见结果中的 facets.field。至多 50 个字符。", "工程质量", 50),
            ApiParameterDoc.Text("department", "认定部门全称；可用的取值见结果中的 facets.department。至多 100 个字符。", "常州市住房和城乡建设局", 100),
            ApiParameterDoc.OneOf("subject_type", "信用主体类型。", SubjectTypes),
            ApiParameterDoc.Date("from", "认定（决定）日期不早于此日，格式 yyyy-MM-dd。", "2025-01-01"),
            ApiParameterDoc.Date("to", "认定（决定）日期不晚于此日，格式 yyyy-MM-dd；不得早于 from。", "2025-06-30"),
            ApiParameterDoc.OneOf("sort", "排序方式。不填时：有查询词按相关度，没有查询词按日期从新到旧。", Sorts) with { Example = "newest" },
            ApiParameterDoc.OneOf("group", "结果怎样分行。不填时为 subject。", Groups) with { Example = SearchParameters.GroupBySubjectCode },
            ApiParameterDoc.WholeNumber("page", $"页码，从 1 开始，至多 {SearchParameters.MaxPage}。", 1, 1, SearchParameters.MaxPage, defaultValue: 1),
            ApiParameterDoc.WholeNumber("page_size", $"每页条数，1 到 {SearchParameters.MaxPageSize}，默认 20。", 1, 1, SearchParameters.MaxPageSize, defaultValue: 20),
        ],
        ExampleParameters = ["q", "kind", "page_size"],
        ResponseDescription = "查询结果：本页的结果（每个信用主体一行，附 subject 概况；政策法规、公示公告各占一行）、总行数和分面统计。",
        ResponseExample = new SearchAnswer("建材", "text", 2, 1, 1, 2, [ExampleHit with { Subject = ExampleSubjectRow }],
            new Dictionary<string, IReadOnlyList<FacetAnswer>>
            {
                ["type"] = [new("list_entry", 2), new("licence", 1), new("penalty", 1)],
                ["list_kind"] = [new("black", 2)],
                ["field"] = [new("工程质量", 1), new("食品药品", 1)],
                ["department"] = [new("常州市住房和城乡建设局", 1), new("常州市市场监督管理局", 1)],
                ["subject_type"] = [new("legal_person", 2)],
            }),
        Problems =
        [
            new(StatusCodes.Status400BadRequest,
                "参数不符合要求（取值不在可选值中、日期格式不对、页码超出范围等），或 q 像统一社会信用代码、身份证号码却未通过校验；detail 说明是哪个参数、为什么。",
                $"参数 page 应为 1 到 {SearchParameters.MaxPage} 之间的整数。"),
        ],
    };

    public static readonly ApiOperationDoc Subject = new()
    {
        Parameters =
        [
            ApiParameterDoc.Path("uscc", "18 位统一社会信用代码（GB 32100），校验码须正确；小写字母和空格会被规整。", ExampleCode),
        ],
        ResponseDescription = "该信用主体当天公示中的信息。",
        ResponseExample = new SubjectAnswer(ExampleCode, "常州市钟楼区某某建材有限公司", ExampleCode, "legal_person", SubjectAnswer.Black,
            RecordsApiDocs.ExampleRegistration, [], [RecordsApiDocs.ExamplePenalty], [], [ExampleHit], [], []),
        Problems =
        [
            new(StatusCodes.Status400BadRequest, "uscc 未通过校验（位数、字符或校验码）；detail 说明哪项检查未通过。", "统一社会信用代码应为18位，当前为3位。"),
            new(StatusCodes.Status404NotFound, "该代码当天没有任何公示中的信息（没有登记信息，也没有公示中的记录或名单条目）。", NotFoundDetail),
        ],
    };

    private static SubjectRowAnswer ExampleSubjectRow => new(
        ExampleCode, "常州市钟楼区某某建材有限公司", $"/subjects/{ExampleCode}", "legal_person", ExampleCode, null, ["常州市钟楼区某某建材经营部"], null,
        new SubjectCountsAnswer(1, 2, 1, 1, 0), ["black"], [], 3);

    private static HitAnswer ExampleHit => new(
        "entry:JS-2025-000123", "list_entry", "常州市钟楼区某某建材有限公司", "常州市钟楼区某某<mark>建材</mark>有限公司",
        "使用不合格<mark>建材</mark>，被处以罚款。常住建罚〔2025〕18号", $"/subjects/{ExampleCode}", new DateOnly(2025, 3, 12),
        "black", "legal_person", "常州市钟楼区某某建材有限公司", ExampleCode, null, "工程质量", "常州市住房和城乡建设局",
        "常住建罚〔2025〕18号", new DateOnly(2026, 3, 11), "general", "active");
}
