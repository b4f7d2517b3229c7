using CreditSite.Domain;
using CreditSite.Platforms;
using CreditSite.Web.Features.ApiDocs;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>The API reference of <see cref="RecordChangesApi"/> and the code lists of public records (Chinese), read by
/// the ApiDocs feature. The lists are built from the functions the handler parses and writes with.</summary>
public static class RecordsApiDocs
{
    public static readonly IReadOnlyList<ApiCode> Kinds = ApiCode.Of<RecordKind>(k => k.Code(), k => k.Label());

    /// <summary>The statuses a record in public view can have (the others take it out of view, so no answer carries
    /// them), each with what it reads as for the kinds that have it.</summary>
    public static readonly IReadOnlyList<ApiCode> Statuses = ApiCode.Of<RecordStatus>(s => s.Code(), StatusMeaning)
        .Where(c => PublicKinds(Enum.GetValues<RecordStatus>().First(s => s.Code() == c.Code)).Any()).ToList();

    public static readonly IReadOnlyList<ApiCode> ChangeTypes = ApiCode.Of<RecordChangeType>(RecordChangesApi.ChangeCode, t => t switch
    {
        RecordChangeType.Upsert => "新增或更新：导入写入且当前公示中，附记录全部公示字段",
        _ => "移出公示：被整体替换的导入删除、因状态撤回，或过了公示截止日期；不含记录内容",
    });

    private const string ExampleCode = "91320402MA1B00025Q";

    private static readonly DateTimeOffset ExampleImport = new(2026, 5, 8, 9, 30, 12, CreditCalendar.ChinaStandardTime);

    public static readonly ApiOperationDoc Changes = new()
    {
        Parameters =
        [
            ApiParameterDoc.OneOf("kind", "记录类别，必填。一次只同步一类记录；用 cursor 继续时须与首次请求相同。", Kinds) with { Required = true, Example = "penalty" },
            new ApiParameterDoc("changed_since",
                "从此时间（含）起的变更，ISO 8601：日期时间带时区（如 2026-05-01T00:00:00+08:00 或 2026-04-30T16:00:00Z），不带时区按北京时间理解，"
                + "只写日期（2026-05-01）即北京时间当日零点。首次请求必填；首次全量同步可给一个足够早的时间，如 2000-01-01。有 cursor 时不需要，给了也以 cursor 为准。",
                "2026-05-01T00:00:00+08:00") { Format = "date-time", MaxLength = 40 },
            ApiParameterDoc.Text("cursor",
                "上一次应答中 nextCursor 的原样内容，从上次停下的地方继续。不透明：已加密，不要解析、修改或拼接，被改动的 cursor 返回 400。",
                "CfDJ8N3wZ9uEXAMPLE…", RecordChangeCursor.MaxLength),
            ApiParameterDoc.WholeNumber("page_size", $"每页至多几项变更，1 到 {RecordChangeFeed.MaxPageSize}，默认 {RecordChangesApi.DefaultPageSize}。",
                100, 1, RecordChangeFeed.MaxPageSize, defaultValue: RecordChangesApi.DefaultPageSize),
        ],
        ExampleParameters = ["kind", "changed_since"],
        ResponseDescription = "本页的变更（按变更时间从早到晚）和继续用的 nextCursor。",
        ResponseExample = new RecordChangesAnswer("penalty", new DateTimeOffset(2026, 5, 9, 10, 0, 0, CreditCalendar.ChinaStandardTime), 2, false,
            "CfDJ8N3wZ9uEXAMPLE…",
            [
                new RecordChangeAnswer("upsert", "penalty", "CZ-CF-2026-0418", ExampleImport, ExamplePenalty),
                new RecordChangeAnswer("removal", "penalty", "CZ-CF-2025-0107", new DateTimeOffset(2026, 5, 9, 0, 0, 0, CreditCalendar.ChinaStandardTime), null),
            ]),
        Problems =
        [
            new(StatusCodes.Status400BadRequest,
                "缺少 kind，kind 不是可选值，既没有 changed_since 也没有 cursor，changed_since 不是 ISO 8601 时间，page_size 超出范围，"
                + "或 cursor 不是本站发出的原样内容（被改动、截断或拼接），或属于另一类记录；detail 说明原因。",
                "cursor 无效：它须是上一次应答中 nextCursor 的原样内容，不能修改或拼接。请原样传回，或改用 changed_since 重新开始。"),
            new(StatusCodes.Status503ServiceUnavailable,
                "本站记录数据库暂时无法访问；响应头 Retry-After 给出建议等待的秒数。cursor 仍然有效，稍后原样重试即可。",
                RecordChangesApi.StoreUnavailable),
        ],
    };

    /// <summary>A penalty as the API writes it, for the examples of the change feed and the subject answer.</summary>
    public static RecordAnswer ExamplePenalty => new()
    {
        Kind = "penalty",
        Id = "CZ-CF-2026-0418",
        Url = "https://credit.example.cn/records/penalty/CZ-CF-2026-0418",
        SubjectType = "legal_person",
        SubjectName = "常州市钟楼区某某建材有限公司",
        Uscc = ExampleCode,
        LegalRepresentative = "王某",
        DecisionNumber = "常市监罚〔2026〕418号",
        DecisionDate = new DateOnly(2026, 4, 30),
        PublicUntil = new DateOnly(2027, 4, 29),
        Department = "常州市市场监督管理局",
        Field = "工程质量",
        Content = "罚款人民币三万元，没收违法所得五千元。",
        Status = "active",
        StatusLabel = "公示中",
        PublishedAt = ExampleImport,
        UpdatedAt = ExampleImport,
        ViolationType = "销售不合格建材",
        Facts = "经查，当事人销售抗压强度不合格的水泥。",
        LegalBasis = "《中华人民共和国产品质量法》第四十九条",
        PenaltyTypes = ["罚款", "没收违法所得"],
        FineAmount = 3m,
        ConfiscatedAmount = 0.5m,
        Severity = "general",
        SimplifiedProcedure = false,
    };

    /// <summary>A registry record as the API writes it, for the subject answer's example.</summary>
    public static RegistrationAnswer ExampleRegistration => new(ExampleCode, "常州市钟楼区某某建材有限公司", ["常州市钟楼区某某建材经营部"],
        "有限责任公司（自然人投资或控股）", "王某", new DateOnly(2016, 8, 3), "常州市钟楼区市场监督管理局", "常州市钟楼区示例路 18 号", "存续");

    private static IEnumerable<RecordKind> PublicKinds(RecordStatus status) => RecordText.AllKinds.Where(kind =>
        RecordText.StatusesOf(kind).Contains(status)
        && !new PublicRecord { Kind = kind, RecordId = "-", SubjectName = "-", SubjectKey = "-", Status = status }.IsWithdrawn);

    private static string StatusMeaning(RecordStatus status) =>
        string.Join("；", PublicKinds(status).Select(kind => $"{kind.Label()}：{status.Label(kind)}"));
}
