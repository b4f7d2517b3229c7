using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace CreditSite.Web.Site.Errors;

/// <summary>The problem answers (<c>application/problem+json</c>) of the API: one Chinese <c>title</c> per status, the
/// reason in <c>detail</c>. Every handler, the limiter, the key check and the outage handler answer through
/// <see cref="Problem"/>, and the API reference documents the same titles, so a platform can rely on them.</summary>
public static class ApiProblems
{
    /// <summary>The title of each status the API answers with a problem.</summary>
    public static readonly IReadOnlyDictionary<int, string> Titles = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "请求参数有误",
        [StatusCodes.Status401Unauthorized] = "API 密钥无效",
        [StatusCodes.Status404NotFound] = "未找到",
        [StatusCodes.Status405MethodNotAllowed] = "请求方式不受支持",
        [StatusCodes.Status413PayloadTooLarge] = "请求体过大",
        [StatusCodes.Status415UnsupportedMediaType] = "请求格式不受支持",
        [StatusCodes.Status429TooManyRequests] = "请求过于频繁",
        [StatusCodes.Status500InternalServerError] = "服务器内部错误",
        [StatusCodes.Status503ServiceUnavailable] = "服务暂时不可用",
    };

    public static string TitleFor(int status) =>
        Titles.TryGetValue(status, out var title) ? title : status >= 500 ? "服务器出错" : "请求未能完成";

    /// <summary>The problem answer for <paramref name="status"/>, with its Chinese title.</summary>
    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: TitleFor(status));

    /// <summary>An API route (<c>/api/…</c>); the reference page <c>/api</c> itself is a page.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", out var rest) && rest.HasValue && rest != "/";

    /// <summary>A problem the framework made without a title, or with its English default ("Bad Request"), gets the
    /// Chinese one; titles set by the site stay.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var title = context.ProblemDetails.Title;
        if (string.IsNullOrEmpty(title) || title == ReasonPhrases.GetReasonPhrase(status))
        {
            context.ProblemDetails.Title = TitleFor(status);
        }
    }

    /// <summary>An empty error answer of an API route (an unknown address, a wrong method) becomes a problem, not the
    /// HTML error page people get.</summary>
    public static Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => "没有这个接口地址。请对照接口文档（/api）检查网址。",
            StatusCodes.Status405MethodNotAllowed => "此接口不支持这种请求方式。请对照接口文档（/api）。",
            _ => "请求未能完成。请对照接口文档（/api）检查请求。",
        };
        return Problem(status, detail).ExecuteAsync(context.HttpContext);
    }
}
