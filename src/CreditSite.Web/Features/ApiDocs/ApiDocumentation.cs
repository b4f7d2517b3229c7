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
                document.Info.Description = "信用常州的公示信息接口：一站式查询、信用主体的全部公示信息、红黑名单状态批量查询，"
                    + "以及行政许可、行政处罚、信用承诺的增量变更（供平台镜像）。返回 JSON（UTF-8）；出错时返回 application/problem+json，"
                    + "title 为固定的中文标题，detail 说明原因。身份证号码只以掩码形式返回。";
                document.Components ??= new OpenApiComponents();
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas[ApiOperationTransformer.ProblemSchemaId] = ApiOperationTransformer.ProblemSchema();
                LiftNullableObjectDescriptions(document.Components.Schemas.Values);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer(ApiSchemaTransformer.TransformAsync);
        });
        return builder;
    }

    /// <summary>A property holding an answer object that may be null is written as <c>oneOf: [null, $ref]</c>, with its
    /// <c>[Description]</c> on the <c>$ref</c> branch; readers (and <c>/api</c>) look for it on the property.</summary>
    private static void LiftNullableObjectDescriptions(IEnumerable<IOpenApiSchema> schemas)
    {
        foreach (var property in schemas.SelectMany(s => s.Properties?.Values ?? []))
        {
            if (property is OpenApiSchema { OneOf: { Count: > 0 } branches } nullable && string.IsNullOrEmpty(nullable.Description)
                && branches.Select(b => b.Description).FirstOrDefault(d => !string.IsNullOrEmpty(d)) is { } description)
            {
                nullable.Description = description;
            }
        }
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
