using Microsoft.OpenApi;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary>The OpenAPI document of every API route, served by the site at <c>/openapi/v1.json</c> and rendered at
/// <c>/api</c>. Each endpoint documents itself with <see cref="ApiDocExtensions.WithApiDoc"/>; this feature turns
/// that into the document and adds what every API route shares (problem answers, the problem schema).</summary>
public static class ApiDocumentation
{
    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "信用常州开放接口";
                document.Info.Description = "信用红黑名单一站式查询接口。返回 JSON（UTF-8）；出错时返回 application/problem+json，"
                    + "title 为固定的中文标题，detail 说明原因。身份证号码只以掩码形式返回。";
                document.Components ??= new OpenApiComponents();
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas[ApiOperationTransformer.ProblemSchemaId] = ApiOperationTransformer.ProblemSchema();
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer(ApiSchemaTransformer.TransformAsync);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
