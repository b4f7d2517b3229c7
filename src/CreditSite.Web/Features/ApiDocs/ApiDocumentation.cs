namespace CreditSite.Web.Features.ApiDocs;

/// <summary>The OpenAPI document of every API route, served by the site at <c>/openapi/v1.json</c>.</summary>
public static class ApiDocumentation
{
    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "信用常州开放接口";
            document.Info.Description = "信用红黑名单一站式查询接口。身份证号码只以掩码形式返回。";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
