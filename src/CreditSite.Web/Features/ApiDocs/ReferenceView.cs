using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary>What the <c>/api</c> page shows of one operation, read from the OpenAPI document.</summary>
public sealed record OperationView(
    string Method, string Path, string? OperationId, string? Summary, string? Description,
    IReadOnlyList<ParameterView> Parameters, BodyView? RequestBody, string? Curl,
    IReadOnlyList<ResponseView> Responses, IReadOnlyList<SchemaView> Schemas)
{
    public string Anchor => (OperationId ?? (Method + Path)).ToLowerInvariant().Replace('/', '-').Replace('{', '-').Replace('}', '-');
}

/// <param name="Codes">The allowed values (<c>enum</c>), empty when any value of the type goes.</param>
/// <param name="Limits">Range, length, format and default, in Chinese.</param>
public sealed record ParameterView(
    string Name, string In, bool Required, string Type, string? Description, IReadOnlyList<string> Codes, string? Limits, string? Example);

public sealed record BodyView(string? Description, IReadOnlyList<string> ContentTypes, string? Example);

/// <param name="Title">For problem answers, the <c>title</c> of the example.</param>
public sealed record ResponseView(string Status, string? Description, IReadOnlyList<string> ContentTypes, string? Title, string? Example);

public sealed record FieldView(string Name, string Type, bool Required, string? Description);

public sealed record SchemaView(string Name, string? Description, IReadOnlyList<FieldView> Fields);

/// <summary>Turns the OpenAPI document into the page's view of each operation.</summary>
public static class ReferenceView
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<OperationView> Operations(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = new List<OperationView>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var body = operation.RequestBody?.Content?.FirstOrDefault();
                var schemas = new List<SchemaView>();
                if (body?.Value?.Schema is { } bodySchema)
                {
                    Collect(document, bodySchema, "请求体", schemas);
                }

                if (operation.Responses?.GetValueOrDefault("200")?.Content?.Values.FirstOrDefault()?.Schema is { } answer)
                {
                    Collect(document, answer, "成功时的答复", schemas);
                }

                operations.Add(new OperationView(
                    method.Method.ToUpperInvariant(), path, operation.OperationId, operation.Summary, operation.Description,
                    (operation.Parameters ?? []).Select(Parameter).ToList(),
                    operation.RequestBody is { } request
                        ? new BodyView(request.Description, request.Content?.Keys.ToList() ?? [], Json(body?.Value?.Example))
                        : null,
                    Curl(operation),
                    (operation.Responses ?? []).Select(r => Response(r.Key, r.Value)).ToList(),
                    schemas));
            }
        }

        return operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    private static ParameterView Parameter(IOpenApiParameter parameter)
    {
        var schema = parameter.Schema;
        var values = schema?.Type == JsonSchemaType.Array ? schema.Items : schema;
        var codes = values?.Enum?.Select(Text).OfType<string>().ToList() ?? [];
        var example = parameter.Example is JsonArray list ? string.Join(",", list.Select(Text)) : Text(parameter.Example);
        return new ParameterView(parameter.Name ?? string.Empty, Location(parameter.In), parameter.Required, TypeOf(schema),
            parameter.Description, codes, Limits(values), example);
    }

    private static ResponseView Response(string status, IOpenApiResponse response)
    {
        var media = response.Content?.Values.FirstOrDefault();
        var title = status.StartsWith('2') ? null : Text(media?.Example?["title"]);
        return new ResponseView(status, response.Description, response.Content?.Keys.ToList() ?? [], title, Json(media?.Example));
    }

    /// <summary>The schema and every object schema it leads to, each once, in the order a reader meets them.</summary>
    private static void Collect(OpenApiDocument document, IOpenApiSchema schema, string name, List<SchemaView> into)
    {
        var target = Resolve(document, schema);
        if (target?.Properties is not { Count: > 0 } properties)
        {
            if (target?.Items is { } items)
            {
                Collect(document, items, name, into);
            }

            return;
        }

        var id = (schema as OpenApiSchemaReference)?.Reference.Id ?? name;
        if (into.Any(s => s.Name == id))
        {
            return;
        }

        into.Add(new SchemaView(id, target.Description, properties.Select(p => new FieldView(
            p.Key, TypeOf(p.Value), target.Required?.Contains(p.Key) == true, p.Value.Description)).ToList()));
        foreach (var property in properties.Values)
        {
            var inner = property.Items ?? property.AdditionalProperties?.Items ?? property.AdditionalProperties ?? property;
            if (inner is OpenApiSchemaReference)
            {
                Collect(document, inner, string.Empty, into);
            }
        }
    }

    private static IOpenApiSchema? Resolve(OpenApiDocument document, IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference
            ? document.Components?.Schemas?.TryGetValue(reference.Reference.Id ?? string.Empty, out var target) == true ? target : null
            : schema;

    /// <summary>A type as a platform developer reads it, in Chinese.</summary>
    private static string TypeOf(IOpenApiSchema? schema)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id ?? "对象";
        }

        var type = schema?.Type ?? JsonSchemaType.String;
        var text = (type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.Integer => "整数",
            JsonSchemaType.Number => "数值",
            JsonSchemaType.Boolean => "布尔值",
            JsonSchemaType.Array => $"{TypeOf(schema!.Items)} 数组",
            JsonSchemaType.Object when schema?.AdditionalProperties is { } values => $"对象（键 → {TypeOf(values)}）",
            JsonSchemaType.Object => "对象",
            _ when schema?.Format == "date" => "日期（yyyy-MM-dd）",
            _ => "字符串",
        };
        return type.HasFlag(JsonSchemaType.Null) ? text + "，可为 null" : text;
    }

    private static string? Limits(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (schema.Minimum is { } min && schema.Maximum is { } max)
        {
            parts.Add($"{min} 到 {max}");
        }
        else if (schema.Minimum is { } least)
        {
            parts.Add($"不小于 {least}");
        }

        if (schema.MaxLength is { } length)
        {
            parts.Add($"至多 {length.ToString(CultureInfo.InvariantCulture)} 个字符");
        }

        if (Text(schema.Default) is { } defaultValue)
        {
            parts.Add($"默认 {defaultValue}");
        }

        return parts.Count > 0 ? string.Join("；", parts) : null;
    }

    private static string? Curl(OpenApiOperation operation) =>
        operation.Extensions?.TryGetValue("x-codeSamples", out var extension) == true && extension is JsonNodeExtension { Node: JsonArray samples }
            ? Text(samples.FirstOrDefault()?["source"])
            : null;

    private static string Location(ParameterLocation? location) => location switch
    {
        ParameterLocation.Path => "路径",
        ParameterLocation.Header => "请求头",
        ParameterLocation.Cookie => "Cookie",
        _ => "查询字符串",
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };

    private static string? Json(JsonNode? node) => node?.ToJsonString(Pretty);
}
