namespace CreditSite.Web.Site.Errors;

public static class ErrorPages
{
    /// <summary>The handler for search outages, which every feature may throw into.</summary>
    public static WebApplicationBuilder AddErrorPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<SearchOutageHandler>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>Chinese error pages: an unhandled exception renders /error with status 500 and no details; an empty
    /// 4xx/5xx response (404 from routing, 400 from a handler) is re-rendered by /error/{status}, keeping the status.</summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
