using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CreditSite.Web.Features.RateLimits;

/// <summary>The 429 answer: <c>Retry-After</c> always; a JSON problem for the API, a Chinese page for people.</summary>
internal static class TooManyRequests
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = (int)Math.Ceiling(RetryAfter(rejected, context, limits).TotalSeconds);
        seconds = Math.Max(1, seconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";

        var wait = seconds >= 120 ? $"{(seconds + 59) / 60} 分钟" : $"{seconds} 秒";
        if (RateLimitsFeature.IsApi(context))
        {
            await TypedResults.Problem($"请求过于频繁，已超出调用额度。请在 {wait}后重试；如需更高额度，请申请 API 密钥。",
                statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁").ExecuteAsync(context);
            return;
        }

        var verifying = context.Request.Path.StartsWithSegments("/reports/verify", StringComparison.OrdinalIgnoreCase);
        var headline = verifying ? "核验请求过于频繁" : "访问过于频繁";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(headline, wait), cancellationToken);
    }

    private static TimeSpan RetryAfter(OnRejectedContext rejected, HttpContext context, RateLimitOptions limits)
    {
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero)
        {
            return retryAfter;
        }

        // Without metadata, the longest wait is one whole window of the limit that applies.
        return context.Request.Path.StartsWithSegments("/reports/verify", StringComparison.OrdinalIgnoreCase) ? limits.ReportVerification.Window
            : RateLimitsFeature.IsSensitive(context.Request.Path, limits) ? limits.Sensitive.Window
            : RateLimitsFeature.IsApi(context) ? limits.Api.Window
            : limits.Pages.Window;
    }

    private static string Page(string headline, string wait) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{headline} - 信用常州</title>
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
            <main id="main" class="container">
                <h1>{headline}</h1>
                <div class="notice" role="alert">
                    <p>您的访问过于频繁，为保障网站对所有人正常服务，请在 {WebUtility.HtmlEncode(wait)}后再试。</p>
                </div>
                <p>如果您所在单位共用一个网络出口，可能是同事的访问也计入了额度。平台批量查询请使用<a href="/api">开放接口</a>。</p>
                <p><a href="/">返回首页</a></p>
            </main>
        </body>
        </html>
        """;
}
