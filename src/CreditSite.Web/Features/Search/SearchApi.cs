using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.PlatformApi;
using CreditSite.Web.Site.Errors;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.ListSync;
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
            .WithSummary("一站式查询：名单条目、行政许可、行政处罚、信用承诺、主体登记信息、诚信典型、政策法规、公示公告")
            .WithDescription("q 为企业名称、统一社会信用代码、姓名或身份证号码；其余参数与 /search 页面相同。身份证号码在结果中只以掩码形式出现。")
            .WithApiDoc(SearchApiDocs.Search);

        api.MapGet("/subjects/{uscc}", SubjectAsync)
            .WithName("Subject")
            .WithSummary("按统一社会信用代码查询一个信用主体的公示信息")
            .WithDescription("返回该主体当天公示中的全部信息：基础信息（含曾用名）、行政许可、行政处罚、守信激励（红名单、诚信典型）、严重失信主体名单（黑名单）、信用承诺；"
                + "每条记录给出公示字段、状态和记录页地址。过了公示期、已退出、已撤回或已信用修复的不返回；身份证号码只以掩码形式出现；没有任何公示信息时返回 404。")
            .WithApiDoc(SearchApiDocs.Subject);

        return app;
    }

    private static async Task<Results<Ok<SearchAnswer>, ProblemHttpResult>> SearchAsync(
        HttpContext context,
        [FromServices] ISearchEngine engine,
        [FromServices] SearchQueryInterpreter interpreter,
        [FromServices] TimeProvider time,
        [FromServices] DemoDataMode demo,
        CancellationToken cancellationToken)
    {
        // Read as the page reads them (never bound), so a bad value gets its Chinese reason, not a framework 400;
        // SearchApiDocs.Search documents them.
        var parameters = SearchParameters.FromQuery(context.Request.Query);
        var (request, interpreted, errors) = parameters.Build(interpreter, CreditCalendar.Today(time), groupBySubject: true);
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, string.Join(" ", errors));
        }

        if (request is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, interpreted.Message ?? "证件号码未通过校验。");
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
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, code.Message ?? "统一社会信用代码未通过校验。");
        }

        // A search outage goes to SearchOutageHandler: one 503 problem for every API.
        var key = code.Value!.Value.Value;
        var today = CreditCalendar.Today(time);
        var record = await SubjectRecord.LoadAsync(engine, key, isPerson: false, today, cancellationToken);
        var records = await SubjectPublicRecords.LoadAsync(engine, store, key, today, cancellationToken);
        return record is null && records.IsEmpty
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, SearchApiDocs.NotFoundDetail)
            : TypedResults.Ok(SubjectAnswer.From(key, record, records, urls.BaseUrl) with { Notice = demo.NoticeOrNull });
    }
}
