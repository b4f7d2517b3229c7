using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.RateLimits;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary><c>/api</c>: the API reference, rendered on the server from the same OpenAPI document that
/// <c>/openapi/v1.json</c> serves, so the page cannot drift from the routes.</summary>
public sealed class ReferenceModel(
    [FromKeyedServices("v1")] IOpenApiDocumentProvider documents, PublicUrls urls, IOptions<RateLimitOptions> limits) : PageModel
{
    public sealed record Parameter(string Name, string In, bool Required, string Type, string? Description);

    public sealed record ResponseDoc(string Status, string? Description, IReadOnlyList<string> ContentTypes);

    public sealed record Operation(
        string Method, string Path, string? OperationId, string? Summary, string? Description,
        IReadOnlyList<Parameter> Parameters, IReadOnlyList<string> RequestContentTypes, IReadOnlyList<ResponseDoc> Responses)
    {
        public string Anchor => (OperationId ?? (Method + Path)).ToLowerInvariant().Replace('/', '-').Replace('{', '-').Replace('}', '-');
    }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public string BaseUrl => urls.BaseUrl;

    public RateLimitOptions Limits { get; } = limits.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "开放接口";
        Description = document.Info?.Description;
        var operations = new List<Operation>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(new Operation(
                    method.Method.ToUpperInvariant(),
                    path,
                    operation.OperationId,
                    operation.Summary,
                    operation.Description,
                    (operation.Parameters ?? []).Select(p => new Parameter(
                        p.Name ?? string.Empty, p.In?.ToString().ToLowerInvariant() ?? string.Empty, p.Required, TypeOf(p.Schema), p.Description)).ToList(),
                    operation.RequestBody?.Content?.Keys.ToList() ?? [],
                    (operation.Responses ?? []).Select(r => new ResponseDoc(r.Key, r.Value.Description, r.Value.Content?.Keys.ToList() ?? [])).ToList()));
            }
        }

        Operations = operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    private static string TypeOf(IOpenApiSchema? schema)
    {
        if (schema?.Type is not { } type)
        {
            return "string";
        }

        return (type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.Integer => "integer",
            JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            JsonSchemaType.Array => "array",
            JsonSchemaType.Object => "object",
            _ => "string",
        };
    }
}
