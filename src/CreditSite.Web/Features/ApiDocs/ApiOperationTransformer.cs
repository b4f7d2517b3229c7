using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditSite.Web.Site.Errors;
using CreditSite.Web.Site.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary>Writes each API operation's <see cref="ApiOperationDoc"/> into the OpenAPI document — parameters with
/// their types, limits, codes and examples; the request body; the 200 answer with an example — and documents the
/// problem answers: the operation's own, and those answered in front of every API route (<see cref="Common"/>).</summary>
internal sealed class ApiOperationTransformer(IOptions<JsonOptions> json, PublicUrls urls) : IOpenApiOperationTransformer
{
    public const string ProblemSchemaId = "ProblemDetails";

    /// <summary>Answered by the key check, the limiter and the outage handler in front of every API route.</summary>
    public static readonly IReadOnlyList<ApiProblemDoc> Common =
    [
        new(StatusCodes.Status401Unauthorized, "请求头 X-Api-Key 中的密钥无效或已被吊销（不带密钥的请求按匿名额度计，不会得到此答复）。",
            "API 密钥无效或已被吊销。请检查请求头 X-Api-Key，或不带密钥以匿名额度访问。"),
        new(StatusCodes.Status429TooManyRequests, "超出匿名额度或密钥额度；响应头 Retry-After 给出需要等待的秒数。",
            "请求过于频繁，已超出调用额度。请在 42 秒后重试；如需更高额度，请申请 API 密钥。"),
        new(StatusCodes.Status503ServiceUnavailable, "搜索服务出现故障或正在维护；响应头 Retry-After 给出建议等待的秒数。",
            SearchOutageHandler.Message),
    ];

    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    /// <summary>For request bodies in curl commands: one line, Chinese as is.</summary>
    private readonly JsonSerializerOptions _compact = new(json.Value.SerializerOptions) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!ApiProblems.IsApi(new PathString("/" + context.Description.RelativePath)))
        {
            return;
        }

        operation.Responses ??= [];
        var doc = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiOperationDoc>().LastOrDefault();
        if (doc is not null)
        {
            DescribeParameters(operation, doc.Parameters);
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-codeSamples"] = new JsonNodeExtension(new JsonArray(
                new JsonObject { ["lang"] = "Shell", ["label"] = "curl", ["source"] = Curl(doc, context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? string.Empty) }));
            if (doc.RequestBody is { } body)
            {
                var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = body.Description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema, Example = ToJson(body.Example) } },
                };
            }

            await DescribeSuccessAsync(operation, doc, context, cancellationToken);
        }

        var own = doc?.Problems ?? [];
        foreach (var problem in own.Concat(Common.Where(c => own.All(p => p.Status != c.Status))))
        {
            operation.Responses[problem.Status.ToString(CultureInfo.InvariantCulture)] = ProblemResponse(problem, context.Document);
        }

        // In status order, as a reader looks them up.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }
    }

    /// <summary>The problem-details schema every error answer uses, with Chinese descriptions.</summary>
    public static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "错误答复（application/problem+json，RFC 9457）。",
        Required = new HashSet<string> { "title", "status", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "问题类型的说明链接（HTTP 标准 RFC 9110 的相应章节），可忽略。" },
            ["title"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "问题的中文标题，同一状态码的标题固定："
                    + string.Join("、", ApiProblems.Titles.Select(t => $"{t.Key} {t.Value}")) + "。",
            },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "HTTP 状态码，与响应的状态码相同。" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文说明：哪个参数或哪项检查未通过，以及应当如何改正。" },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "请求编号。向市信用办反映问题时请一并提供。" },
        },
    };

    private static void DescribeParameters(OpenApiOperation operation, IReadOnlyList<ApiParameterDoc> parameters)
    {
        operation.Parameters ??= [];
        foreach (var doc in parameters)
        {
            var existing = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == doc.Name);
            var parameter = existing ?? new OpenApiParameter { Name = doc.Name };
            parameter.In = doc.In;
            parameter.Required = doc.Required || doc.In == ParameterLocation.Path;
            parameter.Description = doc.Codes is { } codes
                ? $"{doc.Description}可选值{(doc.CommaSeparated ? "（多个用英文逗号分隔）" : string.Empty)}：{ApiCode.Describe(codes)}。"
                : doc.Description;
            var value = ValueSchema(doc);
            parameter.Schema = doc.CommaSeparated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = value } : value;
            if (doc.CommaSeparated)
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = false;
                parameter.Example = new JsonArray(doc.Example.Split(',').Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
            }
            else
            {
                parameter.Example = Value(doc, doc.Example);
            }

            if (existing is null)
            {
                operation.Parameters.Add(parameter);
            }
        }
    }

    private static OpenApiSchema ValueSchema(ApiParameterDoc doc) => new()
    {
        Type = doc.Type,
        Format = doc.Format,
        MaxLength = doc.MaxLength,
        Minimum = doc.Minimum?.ToString(CultureInfo.InvariantCulture),
        Maximum = doc.Maximum?.ToString(CultureInfo.InvariantCulture),
        Pattern = doc.Pattern,
        Default = doc.Default is null ? null : Value(doc, doc.Default),
        Enum = doc.Codes?.Select(c => (JsonNode)JsonValue.Create(c.Code)).ToList(),
    };

    private static JsonValue Value(ApiParameterDoc doc, string text) =>
        doc.Type == JsonSchemaType.Integer ? JsonValue.Create(int.Parse(text, CultureInfo.InvariantCulture)) : JsonValue.Create(text);

    private async Task DescribeSuccessAsync(OpenApiOperation operation, ApiOperationDoc doc, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var response = operation.Responses!.TryGetValue("200", out var found) && found is OpenApiResponse r ? r : new OpenApiResponse();
        response.Description = doc.ResponseDescription;
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!response.Content.TryGetValue("application/json", out var media))
        {
            media = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(doc.ResponseExample.GetType(), null, cancellationToken) };
            response.Content["application/json"] = media;
        }

        media.Example = ToJson(doc.ResponseExample);
        operation.Responses["200"] = response;
    }

    private static OpenApiResponse ProblemResponse(ApiProblemDoc problem, OpenApiDocument? document)
    {
        var title = ApiProblems.TitleFor(problem.Status);
        var response = new OpenApiResponse
        {
            Description = $"{title}：{problem.When}",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference(ProblemSchemaId, document),
                    Example = new JsonObject { ["title"] = title, ["status"] = problem.Status, ["detail"] = problem.ExampleDetail },
                },
            },
        };
        if (problem.Status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "建议等待的秒数，之后再重试。",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    Example = JsonValue.Create(42),
                },
            };
        }

        return response;
    }

    private JsonNode? ToJson(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), _json);

    /// <summary>The example request as a curl command: required and example parameters, the body compact.</summary>
    private string Curl(ApiOperationDoc doc, string method, string relativePath)
    {
        var path = "/" + relativePath;
        foreach (var parameter in doc.Parameters.Where(p => p.In == ParameterLocation.Path))
        {
            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(parameter.Example), StringComparison.Ordinal);
        }

        var query = doc.Parameters.Where(p => p.In == ParameterLocation.Query && (p.Required || doc.ExampleParameters.Contains(p.Name))).ToList();
        var curl = new StringBuilder("curl");
        if (!HttpMethods.IsGet(method))
        {
            curl.Append(" -X ").Append(method.ToUpperInvariant());
        }

        curl.Append(query.Count > 0 ? " -G " : " ").Append('"').Append(urls.BaseUrl).Append(path).Append('"');
        foreach (var parameter in query)
        {
            curl.Append(" \\\n  --data-urlencode \"").Append(parameter.Name).Append('=').Append(parameter.Example).Append('"');
        }

        if (doc.RequestBody is { } body)
        {
            curl.Append(" \\\n  -H \"Content-Type: application/json\" \\\n  -d '")
                .Append(JsonSerializer.Serialize(body.Example, body.Type, _compact)).Append('\'');
        }

        return curl.ToString();
    }
}
