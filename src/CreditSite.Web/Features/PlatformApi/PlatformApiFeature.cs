using CreditSite.Platforms;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>The open API for platforms: the batch status call, the record change feed, API keys (issued with the CLI), CORS for the
/// read-only GET API.</summary>
public static class PlatformApiFeature
{
    public const string PublicReadCors = "PublicReadApi";

    public static WebApplicationBuilder AddPlatformApi(this WebApplicationBuilder builder)
    {
        // The keys' own small context over the same database as the list store (see docs/platforms.md for why).
        builder.Services.AddSingleton<IDbContextFactory<ApiKeyDbContext>>(services => new ApiKeyDbContextFactory(services.GetRequiredService<CreditStore>()));
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiClientResolver>();
        builder.Services.AddSingleton<RecordChangeFeed>();
        builder.Services.AddSingleton<RecordChangeCursor>();

        // Anyone's page may read the public GET API from the browser; writes (POST) stay same-origin.
        builder.Services.AddCors(options => options.AddPolicy(PublicReadCors, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get)
            .WithHeaders(ApiClientResolver.Header)
            .WithExposedHeaders("Retry-After")));

        builder.Services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiClientResolver.Header,
                Description = "可选。平台 API 密钥（由市信用办用命令行工具签发），带密钥的请求按该密钥的额度限流，不带密钥按来源地址的匿名额度限流。",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Every API route takes the key, whoever wrote the route; it is optional (the empty requirement). Its 401,
            // and the limiter's 429, are documented with the other shared answers by the ApiDocs feature.
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement(),
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", context.Document)] = [] },
                ];
            }

            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>CORS and the API key check for <c>/api</c> requests; must run before the rate limiter, which
    /// partitions API requests by key.</summary>
    public static IApplicationBuilder UsePlatformApi(this IApplicationBuilder app)
    {
        var resolver = app.ApplicationServices.GetRequiredService<ApiClientResolver>();
        return app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseCors(PublicReadCors);
            api.Use(async (context, next) =>
            {
                context.Features.Set(await resolver.CheckAsync(context.Request, context.RequestAborted));
                await next(context);
            });
        });
    }

    public static ApiKeyCheck ApiKeyCheck(this HttpContext context) =>
        context?.Features.Get<ApiKeyCheck>() ?? PlatformApi.ApiKeyCheck.Anonymous;
}
