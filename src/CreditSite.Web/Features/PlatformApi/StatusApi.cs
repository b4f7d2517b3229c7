using CreditSite.Web.Site.ListSync;
using CreditSite.Web.Site.RateLimits;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditSite.Identifiers;
using CreditSite.Web.Features.Embeds;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Site.Errors;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary><c>POST /api/v1/status</c>: red/black standing of up to 100 organisations in one call, for screening
/// merchants at onboarding. A bad code is answered in its own result, never by failing the call.</summary>
public static class StatusApi
{
    public const int MaxCodes = 100;

    /// <summary>100 codes with generous spacing fit in far less; anything bigger is not a status request.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/status", StatusAsync)
            .WithTags("平台接口")
            .WithName("Status")
            .WithSummary("批量查询红黑名单状态（每次至多 100 个统一社会信用代码）")
            .WithDescription("请求体 {\"codes\": [\"…\"]}。每个代码单独给出结果：valid 表示是否通过校验，error 说明未通过的原因；"
                + "status 为 red（红名单）、black（有公示中的失信记录）、clean（本站有该主体的公示信息，如登记信息、行政许可，但不在红黑名单）或 unknown"
                + "（代码有误，或本站没有该代码的公示信息）。只统计当天公示中的记录。可用请求头 X-Api-Key 提交 API 密钥以获得更高额度。")
            // The body is documented by StatusApiDocs rather than with Accepts<T>(), which would make routing answer a
            // wrong content type with a bare 415 before the handler can explain it in Chinese.
            .WithApiDoc(StatusApiDocs.Status)
            .Produces<StatusAnswer>(StatusCodes.Status200OK);
        return app;
    }

    private static async Task<IResult> StatusAsync(
        HttpContext context, SubjectStatusLookup lookup, PublicUrls urls, DemoDataMode demo, SiteLimiters limiters,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, problem);
        }

        // One permit per code (each costs up to two searches): the request itself took one, the rest come from the
        // caller's same window, so a batch of 100 costs what 100 single lookups cost (docs/rate-limits.md).
        if (!limiters.TryCharge(context, request!.Count - 1, out var limit))
        {
            context.Response.Headers.RetryAfter = "60";
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests,
                request.Count > limit
                    ? $"本次查询 {request.Count} 个代码，按每个代码计 1 次，超过每个时间窗的额度 {limit} 次：请分批查询，或申请更高额度的 API 密钥。"
                    : $"本次查询 {request.Count} 个代码，按每个代码计 1 次，剩余额度不足：请稍后重试或减少每批的代码数。");
        }

        var baseUrl = urls.BaseUrl;
        var results = new List<CodeStatus>(request.Count);
        // A search outage goes to SearchOutageHandler: one 503 problem for every API.
        foreach (var input in request)
        {
            var parsed = UnifiedSocialCreditCode.Parse(input);
            if (!parsed.IsValid)
            {
                results.Add(new CodeStatus(input ?? string.Empty, false, parsed.Message, "unknown", 0, 0, null));
                continue;
            }

            var status = await lookup.GetAsync(parsed.Value!.Value.Value, cancellationToken);
            results.Add(new CodeStatus(status.Uscc, true, null, status.StandingCode, status.RedCount, status.BlackCount,
                status.IsKnown ? $"{baseUrl}/subjects/{status.Uscc}" : null));
        }

        return TypedResults.Ok(new StatusAnswer(lookup.Today, results.Count, results) { Notice = demo.NoticeOrNull });
    }

    /// <summary>The codes, or a Chinese message saying what is wrong with the body.</summary>
    private static async Task<(IReadOnlyList<string?>? Codes, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, "请求体须为 JSON，并设置请求头 Content-Type: application/json。");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, "请求体过大。");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, "请求体过大。");
            }

            buffer.Write(chunk, 0, read);
        }

        StatusRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<StatusRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
        }
        catch (JsonException)
        {
            return (null, "请求体不是有效的 JSON，或 codes 不是字符串数组。正确格式：{\"codes\": [\"91320402…\"]}。");
        }

        if (body?.Codes is not { } codes)
        {
            return (null, "请求体缺少 codes 字段。正确格式：{\"codes\": [\"91320402…\"]}。");
        }

        if (codes.Count == 0)
        {
            return (null, "codes 中至少要有一个统一社会信用代码。");
        }

        if (codes.Count > MaxCodes)
        {
            return (null, $"每次至多查询 {MaxCodes} 个代码，本次提交了 {codes.Count} 个，请分批查询。");
        }

        return (codes, null);
    }
}

/// <summary>Body of <c>POST /api/v1/status</c>.</summary>
[Description("要查询的统一社会信用代码。")]
public sealed record StatusRequest(
    [property: Description("统一社会信用代码，1 至 100 个；每个代码单独给出结果，有误的代码不会让整个请求失败。"), MinLength(1), MaxLength(StatusApi.MaxCodes)]
    IReadOnlyList<string?>? Codes);

/// <param name="Code">The normalised code when valid, otherwise the code as sent.</param>
[Description("一个代码的查询结果。")]
public sealed record CodeStatus(
    [property: Description("代码：通过校验时为规整后的代码（大写、去空格），否则为提交的原样。")] string Code,
    [property: Description("是否通过统一社会信用代码校验（GB 32100）。")] bool Valid,
    [property: Description("未通过校验的原因；通过时没有此字段。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: Description("当天在红黑名单上的状态。"), ApiCodes(typeof(StatusApiDocs), nameof(StatusApiDocs.Standings))] string Status,
    [property: Description("当天公示中的红名单条目数。")] int RedCount,
    [property: Description("当天公示中的黑名单条目数。")] int BlackCount,
    [property: Description("本站上该主体页面的完整地址；本站没有该主体的公示信息时为 null。")] string? SubjectUrl);

[Description("批量查询的结果，顺序与请求中的代码相同。")]
public sealed record StatusAnswer(
    [property: Description("状态所对应的日期（北京时间），只统计这一天公示中的条目。")] DateOnly CheckedOn,
    [property: Description("结果个数，等于提交的代码个数。")] int Count,
    [property: Description("每个代码的结果，顺序与请求相同。")] IReadOnlyList<CodeStatus> Results)
{
    [Description("本站载有演示数据时才有此字段，提示数据并非真实决定。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }
}
