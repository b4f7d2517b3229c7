using System.Text.Json.Serialization;
using CreditSite.Web.Site.ListSync;
using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using CreditSite.Storage;
using CreditSite.Web.Features.PlatformApi;
using CreditSite.Web.Site.Hosting;

namespace CreditSite.Web.Features.Search;

/// <summary><c>GET /api/v1/search</c> and <c>GET /api/v1/subjects/{uscc}</c>: the one-stop query as JSON, for platforms.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("一站式查询");

        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("一站式查询：名单条目、诚信典型、政策法规、公示公告")
            .WithDescription("q 为企业名称、统一社会信用代码、姓名或身份证号码；其余参数与 /search 页面相同。身份证号码在结果中只以掩码形式出现。");

        api.MapGet("/subjects/{uscc}", SubjectAsync)
            .WithName("Subject")
            .WithSummary("按统一社会信用代码查询一个信用主体的公示信息")
            .WithDescription("当天公示中的全部信息：基础信息（含曾用名）、行政许可、行政处罚、守信激励（红名单、诚信典型）、严重失信主体名单（黑名单）、信用承诺；"
                + "每条记录给出公示字段、状态和记录页地址。已过公示期限、已撤回或已信用修复的记录不返回；身份证号码只以掩码形式出现。");

        return app;
    }

    private static async Task<Results<Ok<SearchAnswer>, ProblemHttpResult>> SearchAsync(
        HttpContext context,
        [AsParameters] SearchQueryString query,
        [FromServices] ISearchEngine engine,
        [FromServices] SearchQueryInterpreter interpreter,
        [FromServices] TimeProvider time,
        [FromServices] DemoDataMode demo,
        CancellationToken cancellationToken)
    {
        _ = query; // Declared for the OpenAPI document; values are read once, the same way as the page does.
        var parameters = SearchParameters.FromQuery(context.Request.Query);
        var (request, interpreted, errors) = parameters.Build(interpreter, CreditCalendar.Today(time));
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", errors), statusCode: 400, title: "查询参数有误");
        }

        if (request is null)
        {
            return TypedResults.Problem(interpreted.Message, statusCode: 400, title: "证件号码校验未通过");
        }

        // A search outage goes to SearchOutageHandler: one 503 problem for every API.
        var results = await engine.SearchAsync(request, cancellationToken);
        return TypedResults.Ok(SearchAnswer.From(interpreted, results) with { Notice = demo.NoticeOrNull });
    }

    private static async Task<Results<Ok<SubjectAnswer>, ProblemHttpResult>> SubjectAsync(
        HttpContext context, string uscc, [FromServices] ISearchEngine engine, [FromServices] RecordStore store,
        [FromServices] TimeProvider time, [FromServices] PublicUrls urls, [FromServices] DemoDataMode demo, CancellationToken cancellationToken)
    {
        var code = UnifiedSocialCreditCode.Parse(uscc);
        if (!code.IsValid)
        {
            return TypedResults.Problem(code.Message, statusCode: 400, title: "统一社会信用代码校验未通过");
        }

        // A search outage goes to SearchOutageHandler: one 503 problem for every API.
        var key = code.Value!.Value.Value;
        var today = CreditCalendar.Today(time);
        var record = await SubjectRecord.LoadAsync(engine, key, isPerson: false, today, cancellationToken);
        var records = await SubjectPublicRecords.LoadAsync(engine, store, key, today, cancellationToken);
        return record is null && records.IsEmpty
            ? TypedResults.Problem("未找到该统一社会信用代码对应的公示信息。", statusCode: 404, title: "未找到")
            : TypedResults.Ok(SubjectAnswer.From(key, record, records, urls.BaseUrl) with { Notice = demo.NoticeOrNull });
    }
}

/// <summary>The query-string parameters of <c>GET /api/v1/search</c>, as the OpenAPI document shows them.</summary>
public sealed class SearchQueryString
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "field")] public string? Field { get; set; }
    [FromQuery(Name = "department")] public string? Department { get; set; }
    [FromQuery(Name = "subject_type")] public string? SubjectType { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }
    [FromQuery(Name = "page_size")] public string? PageSize { get; set; }
}

public sealed record FacetAnswer(string Value, long Count);

/// <param name="RecordStatus">Licences, penalties, commitments: the record's own status code (<c>valid</c>, <c>revoked</c> …).</param>
/// <param name="Category">Licences: 许可类别; commitments: 承诺类型; role models: the honour.</param>
/// <param name="PenaltyTypes">Penalties: 处罚类别.</param>
/// <param name="FormerNames">Registry records (<c>subject</c>): 曾用名.</param>
public sealed record HitAnswer(
    string Id, string Type, string Title, string TitleHtml, string SnippetHtml, string Url, string Date,
    string? ListKind, string? SubjectType, string? SubjectName, string? Uscc, string? MaskedIdNumber, string? Field,
    string? IssuingDepartment, string? DecisionNumber, string? PublicUntil, string? Severity, string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordStatus = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Category = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PenaltyTypes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? FormerNames = null)
{
    public static HitAnswer From(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var d = hit.Document;
        return new HitAnswer(d.Id, SearchParameters.TypeCode(d.Type), d.Title, hit.TitleHtml, hit.SnippetHtml, d.Url,
            Iso(d.Date), d.ListKind?.Code(), d.SubjectType?.Code(), d.SubjectName, d.Uscc, d.MaskedIdNumber, d.Field,
            d.IssuingDepartment, d.DecisionNumber, d.PublicUntil is { } u ? Iso(u) : null, d.Severity?.Code(), d.Status?.Code(),
            d.RecordStatus?.Code(), d.Category, d.PenaltyTypes, d.FormerNames);
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record SearchAnswer(
    string Query, string QueryKind, long Total, int Page, int PageSize, int PageCount,
    IReadOnlyList<HitAnswer> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetAnswer>> Facets)
{
    /// <summary>Set when the site holds demonstration data (演示数据): the records are not real decisions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }

    public static SearchAnswer From(InterpretedQuery query, SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(results);
        var kind = query.Kind switch
        {
            Search.QueryKind.Uscc => "uscc",
            Search.QueryKind.ResidentId => "resident_id",
            Search.QueryKind.Browse => "browse",
            _ => "text",
        };
        return new SearchAnswer(query.Display, kind, results.Total, results.Page, results.PageSize, results.PageCount,
            results.Hits.Select(HitAnswer.From).ToList(),
            results.Facets.ByDimension.ToDictionary(p => p.Key, p => (IReadOnlyList<FacetAnswer>)p.Value.Select(v => new FacetAnswer(v.Value, v.Count)).ToList()));
    }
}

/// <summary>Everything in public view about one organisation, grouped as the national portal groups it: 基础信息
/// (<see cref="Registration"/>, with 曾用名), 行政许可, 行政处罚, 守信激励 (red list, role models), 严重失信主体名单 (black
/// list), 信用承诺.</summary>
/// <param name="Status"><c>black</c>, <c>red</c> or <c>clean</c>: the red/black standing, as the status API gives it.</param>
/// <param name="Registration">基础信息, when the site holds the organisation's registry record.</param>
public sealed record SubjectAnswer(
    string SubjectKey, string Name, string? Uscc, string SubjectType, string Status,
    RegistrationAnswer? Registration, IReadOnlyList<RecordAnswer> Licences, IReadOnlyList<RecordAnswer> Penalties,
    IReadOnlyList<HitAnswer> RedList, IReadOnlyList<HitAnswer> BlackList, IReadOnlyList<HitAnswer> RoleModels,
    IReadOnlyList<RecordAnswer> Commitments)
{
    /// <summary>Set when the site holds demonstration data (演示数据): the records are not real decisions.</summary>
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
            entries is null ? "clean" : entries.BlackList.Count > 0 ? "black" : entries.RedList.Count > 0 ? "red" : "clean",
            records.Registration is { } r ? RegistrationAnswer.From(r) : null,
            records.Licences.Select(l => RecordAnswer.From(l, baseUrl)).ToList(),
            records.Penalties.Select(p => RecordAnswer.From(p, baseUrl)).ToList(),
            entries?.RedList.Select(HitAnswer.From).ToList() ?? none,
            entries?.BlackList.Select(HitAnswer.From).ToList() ?? none,
            entries?.RoleModels.Select(HitAnswer.From).ToList() ?? none,
            records.Commitments.Select(c => RecordAnswer.From(c, baseUrl)).ToList());
    }
}
