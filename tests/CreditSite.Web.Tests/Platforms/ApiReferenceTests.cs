using System.Net;
using System.Text.Json;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>Every API route is in the OpenAPI document and on the <c>/api</c> reference page; the read-only GET API
/// is open to other origins (CORS), the POST API is not.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class ApiReferenceTests(SeededPlatformSite site)
{
    [Fact]
    public async Task EveryApiRouteIsInTheOpenApiDocument()
    {
        var client = site.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();

        Assert.Contains("POST /api/v1/status", routes);
        Assert.Contains("GET /api/v1/search", routes);
        Assert.All(routes, route => Assert.Contains(route, documented));
    }

    [Fact]
    public async Task DocumentDescribesTheApiKeyHeader()
    {
        using var document = JsonDocument.Parse(await site.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task EveryApiOperationDocumentsTheRateLimitAnswer()
    {
        using var document = JsonDocument.Parse(await site.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.True(o.Value.GetProperty("responses").TryGetProperty("429", out _), $"{o.Name} lacks 429"));
    }

    [Fact]
    public async Task ReferencePageListsEveryOperationFromTheDocument()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(new Uri("/api", UriKind.Relative)));

        Assert.Contains("<code>POST /api/v1/status</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>GET /api/v1/search</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>GET /api/v1/subjects/{uscc}</code>", html, StringComparison.Ordinal);
        Assert.Contains("批量查询红黑名单状态", html, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("://cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetApiMayBeReadFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/search?q=" + Uri.EscapeDataString("建材"), UriKind.Relative));
        request.Headers.Add("Origin", "https://any-shop.example.net");

        using var response = await site.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task PreflightAllowsGetWithAnApiKeyButNotPost()
    {
        var client = site.CreateClient();

        using var get = Preflight("GET");
        using var getAnswer = await client.SendAsync(get);
        Assert.True(getAnswer.IsSuccessStatusCode);
        Assert.Contains("GET", string.Join(",", getAnswer.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("x-api-key", string.Join(",", getAnswer.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);

        // The browser sends the POST only if the preflight answer lists it; it never does.
        using var post = Preflight("POST");
        using var postAnswer = await client.SendAsync(post);
        var allowed = postAnswer.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) ? string.Join(",", methods) : string.Empty;
        Assert.DoesNotContain("POST", allowed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PagesAreNotOpenedToOtherOrigins()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/search?q=x", UriKind.Relative));
        request.Headers.Add("Origin", "https://any-shop.example.net");

        using var response = await site.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/status", UriKind.Relative));
        request.Headers.Add("Origin", "https://any-shop.example.net");
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        return request;
    }
}
