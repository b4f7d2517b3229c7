using System.Globalization;
using System.Threading.RateLimiting;
using CreditSite.Web.Site.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace CreditSite.Web.Site.RateLimits;

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
            await ApiProblems.Problem(StatusCodes.Status429TooManyRequests,
                $"请求过于频繁，已超出调用额度。请在 {wait}后重试；如需更高额度，请申请 API 密钥。").ExecuteAsync(context);
            return;
        }

        // People get the site's own error page, with its header and footer: the status-code page middleware
        // re-executes /error/429 for this empty answer, and the page reads the wait from here.
        context.Items[WaitItem] = wait;
    }

    /// <summary>The <see cref="HttpContext.Items"/> key holding the wait, in Chinese, for the error page.</summary>
    public const string WaitItem = "creditsite.retry-after-text";

    private static TimeSpan RetryAfter(OnRejectedContext rejected, HttpContext context, RateLimitOptions limits)
    {
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero)
        {
            return retryAfter;
        }

        // Without metadata, the longest wait is one whole window of the limit that applies.
        return context.Request.Path.StartsWithSegments("/reports/verify", StringComparison.OrdinalIgnoreCase) ? limits.ReportVerification.Window
            : RateLimitsFeature.IsUnder(context.Request.Path, limits.SensitivePaths) ? limits.Sensitive.Window
            : RateLimitsFeature.IsUnder(context.Request.Path, limits.SignInPaths) ? limits.SignIn.Window
            : RateLimitsFeature.IsApi(context) ? limits.Api.Window
            : limits.Pages.Window;
    }
}
