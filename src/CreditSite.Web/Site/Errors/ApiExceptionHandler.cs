using Microsoft.AspNetCore.Diagnostics;

namespace CreditSite.Web.Site.Errors;

/// <summary>An unexpected failure of an API route answers a 500 problem (the exception is logged by the exception
/// handler middleware, never shown); pages get the error page. Runs after <see cref="SearchOutageHandler"/>.</summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiProblems.IsApi(new PathString(path)))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await ApiProblems.Problem(StatusCodes.Status500InternalServerError, "处理请求时出现了问题，我们已记录此错误。请稍后重试。").ExecuteAsync(httpContext);
        return true;
    }
}
