using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.RateLimits;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary><c>/api</c>: the API reference, rendered on the server from the same OpenAPI document that
/// <c>/openapi/v1.json</c> serves, so the page cannot drift from the routes.</summary>
public sealed class ReferenceModel(
    [FromKeyedServices("v1")] IOpenApiDocumentProvider documents, PublicUrls urls, IOptions<RateLimitOptions> limits) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public IReadOnlyList<OperationView> Operations { get; private set; } = [];

    public string BaseUrl => urls.BaseUrl;

    public RateLimitOptions Limits { get; } = limits.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "开放接口";
        Description = document.Info?.Description;
        Operations = ReferenceView.Operations(document);
    }
}
