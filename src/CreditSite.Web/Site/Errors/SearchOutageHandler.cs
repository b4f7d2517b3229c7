using System.Globalization;
using CreditSite.Search;
using Microsoft.AspNetCore.Diagnostics;

namespace CreditSite.Web.Site.Errors;

/// <summary>The one answer to a search outage that reaches the framework (NuGetGallery's "one friendly 503"): an API
/// call gets a 503 problem with <c>Retry-After</c>, a feed a plain 503 text; a page that did not catch it gets 503 and
/// the site's error page (<c>/error</c> says 服务暂时不可用). Pages that can still show something useful (the search form,
/// a subject's header) catch it themselves and show <see cref="Message"/>.</summary>
public sealed class SearchOutageHandler : IExceptionHandler
{
    /// <summary>What every page and API says when search is down.</summary>
    public const string Message = "搜索服务暂时不可用，请稍后再试。政策法规、诚信典型等页面仍可正常访问。";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not SearchUnavailableException outage)
        {
            return false;
        }

        SetUnavailable(httpContext.Response, outage);
        // The middleware has already pointed the request at /error: the original path says what was asked for.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (ApiProblems.IsApi(path))
        {
            await ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, Message).ExecuteAsync(httpContext);
            return true;
        }

        if (path.StartsWithSegments("/feeds"))
        {
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync(Message, cancellationToken);
            return true;
        }

        // Pages: the exception handler middleware re-executes /error, which keeps the 503 set here.
        return false;
    }

    /// <summary>503 and <c>Retry-After</c> from the outage.</summary>
    public static void SetUnavailable(HttpResponse response, SearchUnavailableException outage)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(outage);
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)Math.Ceiling(outage.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
