using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Search;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.ApiDocs;

/// <summary>A platform integrates from <c>/openapi/v1.json</c> alone: every parameter says what it is, what it takes
/// and its limits; every answer, field and problem is described in Chinese with an example; and what the document
/// promises is what the API does.</summary>
[Collection(SharedSites.Plain)]
public sealed class OpenApiDocumentTests(SiteFactory site)
{
    private const string Search = "/api/v1/search";

    [Fact]
    public async Task EveryParameterOfEveryOperationHasAChineseDescriptionAndAnExample()
    {
        var document = await ApiDocument.FetchAsync(site.CreateClient());

        Assert.Contains(document.Operations, o => o.Name == "GET /api/v1/search");
        foreach (var (name, _, operation) in document.Operations)
        {
            foreach (var parameter in ApiDocument.Parameters(operation))
            {
                var label = $"{name} parameter {parameter["name"]}";
                Assert.True(ApiDocument.IsChinese((string?)parameter["description"]), $"{label} has no Chinese description");
                Assert.True(parameter["example"] is not null, $"{label} has no example");
                Assert.True(parameter["schema"]?["type"] is not null, $"{label} has no type");
            }
        }
    }

    [Fact]
    public async Task SearchParametersHaveTheirRealTypesAndLimits()
    {
        var document = await ApiDocument.FetchAsync(site.CreateClient());
        JsonElement SchemaOf(string name) => JsonDocument.Parse(document.Parameter("get", Search, name)["schema"]!.ToJsonString()).RootElement;

        var page = SchemaOf("page");
        Assert.Equal("integer", page.GetProperty("type").GetString());
        Assert.Equal(1, page.GetProperty("minimum").GetInt32());
        Assert.Equal(SearchParameters.MaxPage, page.GetProperty("maximum").GetInt32());

        var pageSize = SchemaOf("page_size");
        Assert.Equal("integer", pageSize.GetProperty("type").GetString());
        Assert.Equal(1, pageSize.GetProperty("minimum").GetInt32());
        Assert.Equal(SearchParameters.MaxPageSize, pageSize.GetProperty("maximum").GetInt32());
        Assert.Equal(20, pageSize.GetProperty("default").GetInt32());

        Assert.Equal(100, SchemaOf("q").GetProperty("maxLength").GetInt32());
        Assert.Equal("date", SchemaOf("from").GetProperty("format").GetString());
        Assert.Equal("date", SchemaOf("to").GetProperty("format").GetString());
        Assert.Equal("uscc", (string?)document.Parameter("get", "/api/v1/subjects/{uscc}", "uscc")["name"]);
        Assert.Equal("path", (string?)document.Parameter("get", "/api/v1/subjects/{uscc}", "uscc")["in"]);
    }

    /// <summary>The codes come from the wire-code functions of Core (and the sort codes the search parser uses), the
    /// same ones the API parses with; each listed code is accepted by the real API and nothing else is.</summary>
    [Theory]
    [InlineData("type")]
    [InlineData("kind")]
    [InlineData("subject_type")]
    [InlineData("sort")]
    public async Task CodeParametersListExactlyWhatTheApiAccepts(string name)
    {
        IReadOnlyList<string> accepted = name switch
        {
            "type" => Enum.GetValues<DocumentType>().Select(t => t.Code()).ToList(),
            "kind" => Enum.GetValues<ListKind>().Select(k => k.Code()).ToList(),
            "subject_type" => Enum.GetValues<SubjectType>().Select(t => t.Code()).ToList(),
            _ => Enum.GetValues<SearchSort>().Select(SearchParameters.SortCode).ToList(),
        };
        var client = site.CreateClient();
        var document = await ApiDocument.FetchAsync(client);

        var documented = document.Codes("get", Search, name);

        Assert.Equal(accepted.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        foreach (var code in documented)
        {
            using var answer = await client.GetAsync(new Uri($"{Search}?{name}={code}", UriKind.Relative));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{name}={code} is documented but answered {(int)answer.StatusCode}");
        }

        using var refused = await client.GetAsync(new Uri($"{Search}?{name}=not_a_code", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task EveryOperationDocumentsItsProblemAnswersWithChineseTitles()
    {
        var expected = new Dictionary<string, string> { ["400"] = "请求参数有误", ["429"] = "请求过于频繁", ["503"] = "服务暂时不可用" };
        var document = await ApiDocument.FetchAsync(site.CreateClient());

        foreach (var (name, path, operation) in document.Operations)
        {
            var statuses = new Dictionary<string, string>(expected);
            if (path.Contains('{', StringComparison.Ordinal))
            {
                statuses["404"] = "未找到"; // a path naming something may name nothing
            }

            var responses = operation["responses"]!.AsObject();
            foreach (var (status, title) in statuses)
            {
                Assert.True(responses.ContainsKey(status), $"{name} does not document {status}");
                var response = responses[status]!;
                Assert.True(ApiDocument.IsChinese((string?)response["description"]), $"{name} {status}: the description is not Chinese");
                var problem = response["content"]?["application/problem+json"];
                Assert.True(problem is not null, $"{name} {status} is not documented as application/problem+json");
                Assert.Equal("#/components/schemas/ProblemDetails", (string?)problem["schema"]?["$ref"]);
                Assert.Equal(title, (string?)problem["example"]?["title"]);
                Assert.True(ApiDocument.IsChinese((string?)problem["example"]?["detail"]), $"{name} {status}: the example detail is not Chinese");
            }

            Assert.True(ApiDocument.IsChinese((string?)responses["200"]?["description"]), $"{name}: the 200 description is not Chinese");
        }

        var problemSchema = document.Schema("ProblemDetails");
        Assert.All(problemSchema["properties"]!.AsObject(), p => Assert.True(ApiDocument.IsChinese((string?)p.Value!["description"]), p.Key));
    }

    [Fact]
    public async Task EveryOperationHasARequestAndAResponseExample()
    {
        var document = await ApiDocument.FetchAsync(site.CreateClient());

        foreach (var (name, _, operation) in document.Operations)
        {
            var example = operation["responses"]?["200"]?["content"]?["application/json"]?["example"];
            Assert.True(example is JsonNode, $"{name} has no response example");
            var curl = (string?)operation["x-codeSamples"]?[0]?["source"];
            Assert.True(curl?.StartsWith("curl", StringComparison.Ordinal) == true, $"{name} has no request example");
            if (operation["requestBody"] is { } body)
            {
                Assert.True(body["content"]?["application/json"]?["example"] is not null, $"{name} has no request body example");
            }
        }

        // The search example asks what its answer shows.
        var search = document.Operation("get", Search);
        Assert.Contains("q=建材", (string?)search["x-codeSamples"]![0]!["source"], StringComparison.Ordinal);
        Assert.Equal("建材", (string?)search["responses"]!["200"]!["content"]!["application/json"]!["example"]!["query"]);
    }

    [Fact]
    public async Task EveryFieldOfEveryAnswerIsDescribedInChinese()
    {
        var document = await ApiDocument.FetchAsync(site.CreateClient());
        var schemas = document.Root["components"]!["schemas"]!.AsObject();

        Assert.Contains("SearchAnswer", schemas.Select(s => s.Key));
        Assert.Contains("StatusAnswer", schemas.Select(s => s.Key));
        foreach (var (id, schema) in schemas)
        {
            foreach (var (field, property) in schema!["properties"]?.AsObject() ?? [])
            {
                Assert.True(ApiDocument.IsChinese((string?)property!["description"]), $"{id}.{field} has no Chinese description");
                Assert.False(property["type"] is JsonArray types && types.Any(t => (string?)t == "integer") && types.Any(t => (string?)t == "string"),
                    $"{id}.{field} is documented as 'integer or string'; the API writes numbers");
            }
        }

        Assert.Equal("date", (string?)document.Schema("HitAnswer")["properties"]!["date"]!["format"]);
        Assert.Equal(Enum.GetValues<DocumentType>().Select(t => t.Code()),
            document.Schema("HitAnswer")["properties"]!["type"]!["enum"]!.AsArray().Select(v => (string?)v));
        // Left out when null, so not promised.
        Assert.DoesNotContain("error", document.Schema("CodeStatus")["required"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void EveryApiEndpointCarriesItsDocumentation()
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<ApiOperationDoc>() is not null,
            $"{e.RoutePattern.RawText} has no ApiOperationDoc: add .WithApiDoc(…) beside it (docs/platforms.md)"));
    }

    [Fact]
    public async Task ABadSearchParameterIsAnsweredWithTheDocumentedChineseTitle()
    {
        var client = site.CreateClient();
        var document = await ApiDocument.FetchAsync(client);
        var documented = (string?)document.Operation("get", Search)["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!["title"];

        using var response = await client.GetAsync(new Uri($"{Search}?page=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("请求参数有误", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(documented, problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("page", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-api", HttpStatusCode.NotFound, "未找到")]
    [InlineData("POST", "/api/v1/search", HttpStatusCode.MethodNotAllowed, "请求方式不受支持")]
    [InlineData("GET", "/api/v1/subjects/123", HttpStatusCode.BadRequest, "请求参数有误")]
    public async Task ApiErrorsAreChineseProblemsNotPages(string method, string path, HttpStatusCode status, string title)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await site.CreateClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.True(ApiDocument.IsChinese(problem.RootElement.GetProperty("detail").GetString()));
    }
}
