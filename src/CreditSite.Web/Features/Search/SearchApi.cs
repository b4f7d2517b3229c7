using System.Text.Json.Serialization;
using CreditSite.Web.Site.ListSync;
using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
            .WithSummary("按统一社会信用代码查询一个信用主体的公示信息");

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
        HttpContext context, string uscc, [FromServices] ISearchEngine engine, [FromServices] TimeProvider time,
        [FromServices] DemoDataMode demo, CancellationToken cancellationToken)
    {
        var code = UnifiedSocialCreditCode.Parse(uscc);
        if (!code.IsValid)
        {
            return TypedResults.Problem(code.Message, statusCode: 400, title: "统一社会信用代码校验未通过");
        }

        var record = await SubjectRecord.LoadAsync(engine, code.Value!.Value.Value, isPerson: false, CreditCalendar.Today(time), cancellationToken);
        return record is null
            ? TypedResults.Problem("未找到该统一社会信用代码对应的公示信息。", statusCode: 404, title: "未找到")
            : TypedResults.Ok(SubjectAnswer.From(record) with { Notice = demo.NoticeOrNull });
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

public sealed record HitAnswer(
    string Id, string Type, string Title, string TitleHtml, string SnippetHtml, string Url, string Date,
    string? ListKind, string? SubjectType, string? SubjectName, string? Uscc, string? MaskedIdNumber, string? Field,
    string? IssuingDepartment, string? DecisionNumber, string? PublicUntil, string? Severity, string? Status)
{
    public static HitAnswer From(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var d = hit.Document;
        return new HitAnswer(d.Id, SearchParameters.TypeCode(d.Type), d.Title, hit.TitleHtml, hit.SnippetHtml, d.Url,
            Iso(d.Date), d.ListKind?.Code(), d.SubjectType?.Code(), d.SubjectName, d.Uscc, d.MaskedIdNumber, d.Field,
            d.IssuingDepartment, d.DecisionNumber, d.PublicUntil is { } u ? Iso(u) : null, d.Severity?.Code(), d.Status?.Code());
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

public sealed record SubjectAnswer(
    string SubjectKey, string Name, string? Uscc, string SubjectType, string Status, IReadOnlyList<HitAnswer> RedList,
    IReadOnlyList<HitAnswer> BlackList, IReadOnlyList<HitAnswer> RoleModels)
{
    /// <summary>Set when the site holds demonstration data (演示数据): the records are not real decisions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }

    public static SubjectAnswer From(SubjectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SubjectAnswer(record.SubjectKey, record.Name, record.Uscc, record.SubjectType.Code(),
            record.BlackList.Count > 0 ? "black" : record.RedList.Count > 0 ? "red" : "clean",
            record.RedList.Select(HitAnswer.From).ToList(), record.BlackList.Select(HitAnswer.From).ToList(),
            record.RoleModels.Select(HitAnswer.From).ToList());
    }
}
