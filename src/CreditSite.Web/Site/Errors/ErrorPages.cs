namespace CreditSite.Web.Site.Errors;

public static class ErrorPages
{
    /// <summary>The handler for search outages, which every feature may throw into; any other failure of an API route
    /// answers a problem; problems the framework makes get Chinese titles (<see cref="ApiProblems"/>).</summary>
    public static WebApplicationBuilder AddErrorPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<SearchOutageHandler>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Customize);
        return builder;
    }

    /// <summary>Chinese error pages: an unhandled exception renders /error with status 500 and no details; an empty
    /// 4xx/5xx response (404 from routing, 400 from a handler) is re-rendered by /error/{status}, keeping the status.</summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // API routes answer an empty error (unknown address, wrong method) with a problem instead of the HTML page;
        // this inner middleware writes first, so the re-execution above finds the answer written and leaves it.
        app.UseWhen(context => ApiProblems.IsApi(context.Request.Path), api => api.UseStatusCodePages(ApiProblems.WriteStatusCodeAsync));
        return app;
    }
}
