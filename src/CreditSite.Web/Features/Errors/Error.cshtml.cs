using System.Diagnostics;
using CreditSite.Web.Site.RateLimits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Errors;

/// <summary>The error page for every status. It never shows exception details: those go to the log only.</summary>
[IgnoreAntiforgeryToken] // a failed POST is re-executed here as a POST
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public string RequestId { get; private set; } = string.Empty;

    /// <summary>A page that answers 404 for a reason it can name (a record not in public view) says so here before it
    /// returns <c>NotFound()</c>; the error page then shows its heading and explanation instead of the generic ones.</summary>
    public static void DescribeNotFound(HttpContext context, string heading, string explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[NotFoundTextItem] = (heading, explanation);
    }

    private const string NotFoundTextItem = "ErrorPage.NotFoundText";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    /// <summary>The wait comes from the limiter (<see cref="TooManyRequests.WaitItem"/>); verification has its own words.</summary>
    private (string, string) TooManyRequestsText()
    {
        var wait = HttpContext.Items[TooManyRequests.WaitItem] as string;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? string.Empty;
        var heading = original.StartsWith("/reports/verify", StringComparison.OrdinalIgnoreCase) ? "核验请求过于频繁" : "访问过于频繁";
        return (heading, (wait is null ? "您的访问过于频繁，请稍后再试。" : $"您的访问过于频繁，为保障网站对所有人正常服务，请在 {wait}后再试。")
            + "如果您所在单位共用一个网络出口，同事的访问也计入额度；平台批量查询请使用开放接口（/api）。");
    }

    private void Describe(int? code)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            // The exception handler middleware has logged the exception; the page only says sorry. A search outage
            // keeps the 503 SearchOutageHandler set, with its Retry-After.
            Status = failure.Error is CreditSite.Search.SearchUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            Response.StatusCode = Status;
        }
        else if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            Status = Response.StatusCode;
        }
        else
        {
            // Someone opened /error/… directly: answer with that status (or 404) so nothing looks like a success.
            Status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
            Response.StatusCode = Status;
        }

        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = Status switch
        {
            400 => ("请求有误", "网址或查询条件的格式不正确，请检查后重试。"),
            401 => ("需要登录", "请先登录后再访问此页面。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            404 when HttpContext.Items[NotFoundTextItem] is ValueTuple<string, string> own => own,
            404 => ("页面不存在", "您访问的页面不存在或已被移除，请检查网址，或从首页重新进入。"),
            405 => ("请求方式不受支持", "此页面不支持这种访问方式。"),
            429 => TooManyRequestsText(),
            503 => ("服务暂时不可用", "系统正在维护或繁忙，请稍后再试。"),
            >= 500 => ("服务器出错了", "很抱歉，处理您的请求时出现了问题，我们已记录此错误。请稍后再试。"),
            _ => ("请求未能完成", "请检查网址或输入后重试。"),
        };
    }
}
