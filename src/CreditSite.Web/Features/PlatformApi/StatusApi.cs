using CreditSite.Web.Site.ListSync;
using CreditSite.Web.Site.RateLimits;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditSite.Identifiers;
using CreditSite.Web.Features.Embeds;
using CreditSite.Web.Site.Hosting;
using Microsoft.OpenApi;

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
                + "status 为 red（红名单）、black（有公示中的失信记录）、clean（本站有公示信息但不在红黑名单）或 unknown"
                + "（代码有误，或本站没有该代码的公示信息）。只统计当天公示中的记录。可用请求头 X-Api-Key 提交 API 密钥以获得更高额度。")
            // Described here rather than with Accepts<T>(), which would make routing answer a wrong content type
            // with a bare 415 before the handler can explain it in Chinese.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "要查询的统一社会信用代码，至多 100 个。",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(StatusRequest), null, cancellationToken) },
                    },
                };
            })
            .Produces<StatusAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> StatusAsync(
        HttpContext context, SubjectStatusLookup lookup, PublicUrls urls, DemoDataMode demo, SiteLimiters limiters,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "请求有误");
        }

        // One permit per code (each costs up to two searches): the request itself took one, the rest come from the
        // caller's same window, so a batch of 100 costs what 100 single lookups cost (docs/rate-limits.md).
        if (!limiters.TryCharge(context, request!.Count - 1, out var limit))
        {
            context.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(
                request.Count > limit
                    ? $"本次查询 {request.Count} 个代码，按每个代码计 1 次，超过每个时间窗的额度 {limit} 次：请分批查询，或申请更高额度的 API 密钥。"
                    : $"本次查询 {request.Count} 个代码，按每个代码计 1 次，剩余额度不足：请稍后重试或减少每批的代码数。",
                statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
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

        var checkedOn = lookup.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TypedResults.Ok(new StatusAnswer(checkedOn, results.Count, results) { Notice = demo.NoticeOrNull });
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
public sealed record StatusRequest(IReadOnlyList<string?>? Codes);

/// <param name="Code">The normalised code when valid, otherwise the code as sent.</param>
/// <param name="Status"><c>red</c>, <c>black</c>, <c>clean</c> or <c>unknown</c>.</param>
/// <param name="SubjectUrl">The subject's page on the site, when the site has one.</param>
public sealed record CodeStatus(
    string Code,
    bool Valid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    string Status,
    int RedCount,
    int BlackCount,
    string? SubjectUrl);

/// <param name="CheckedOn">The day the standing holds for (China Standard Time), <c>yyyy-MM-dd</c>.</param>
public sealed record StatusAnswer(string CheckedOn, int Count, IReadOnlyList<CodeStatus> Results)
{
    /// <summary>Set when the site holds demonstration data (演示数据): the records are not real decisions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }
}
