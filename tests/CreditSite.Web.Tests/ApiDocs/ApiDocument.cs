using System.Text.Json.Nodes;

namespace CreditSite.Web.Tests.ApiDocs;

/// <summary>The site's OpenAPI document as a platform's tool reads it: fetched from <c>/openapi/v1.json</c>.</summary>
internal sealed record ApiDocument(JsonObject Root)
{
    public static async Task<ApiDocument> FetchAsync(HttpClient client)
    {
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return new ApiDocument(JsonNode.Parse(json)!.AsObject());
    }

    /// <summary>Every operation under <c>/api/</c>, named like <c>GET /api/v1/search</c>.</summary>
    public IReadOnlyList<(string Name, string Path, JsonObject Operation)> Operations =>
        Root["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(m => ($"{m.Key.ToUpperInvariant()} {p.Key}", p.Key, m.Value!.AsObject())))
            .ToList();

    public JsonObject Operation(string method, string path) => Root["paths"]![path]![method]!.AsObject();

    public JsonObject Parameter(string method, string path, string name) =>
        Operation(method, path)["parameters"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["name"] == name);

    public static IEnumerable<JsonObject> Parameters(JsonObject operation) =>
        operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [];

    /// <summary>The allowed values of a parameter: its schema's <c>enum</c>, or its items' for a list.</summary>
    public IReadOnlyList<string> Codes(string method, string path, string name)
    {
        var schema = Parameter(method, path, name)["schema"]!;
        var values = (string?)schema["type"] == "array" ? schema["items"]! : schema;
        return values["enum"]?.AsArray().Select(v => (string)v!).ToList() ?? [];
    }

    public JsonObject Schema(string id) => Root["components"]!["schemas"]![id]!.AsObject();

    /// <summary>Has at least one CJK ideograph: text a Chinese reader can read, not an English default.</summary>
    public static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
