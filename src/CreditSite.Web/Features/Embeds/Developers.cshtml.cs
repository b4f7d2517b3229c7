using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Web.Site.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Embeds;

/// <summary><c>/embed</c>: for platform developers — what each embed shows, a live preview, the snippet to copy.</summary>
public sealed class DevelopersModel(ISearchEngine engine, TimeProvider time, PublicUrls urls, IOptions<EmbeddingOptions> embedding) : PageModel
{
    /// <summary>Used when the index holds no organisation yet: a well-formed code the site knows nothing about.</summary>
    private static readonly string PlaceholderCode = UnifiedSocialCreditCode.Complete("9132040200000000").Value;

    public string BaseUrl => urls.BaseUrl;

    public IReadOnlyList<string> AllowedOrigins => [.. embedding.Value.AllowedOrigins];

    /// <summary>The code whose badge the preview shows; chosen by the visitor or taken from the lists.</summary>
    public string PreviewCode { get; private set; } = PlaceholderCode;

    public string? CodeMessage { get; private set; }

    /// <summary>Examples from the lists, so the preview shows each state: (code, name, list).</summary>
    public IReadOnlyList<(string Code, string Name, ListKind Kind)> Examples { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var examples = new List<(string, string, ListKind)>();
        foreach (var kind in new[] { ListKind.Red, ListKind.Black })
        {
            try
            {
                var found = await engine.SearchAsync(new SearchRequest
                {
                    Types = [DocumentType.ListEntry],
                    ListKind = kind,
                    SubjectType = SubjectType.LegalPerson,
                    Sort = SearchSort.Newest,
                    PageSize = 1,
                    WithFacets = false,
                    Today = CreditCalendar.Today(time),
                }, cancellationToken);
                if (found.Hits.Count > 0 && found.Hits[0].Document is { Uscc: { } code } document)
                {
                    examples.Add((code, document.SubjectName ?? document.Title, kind));
                }
            }
            catch (SearchUnavailableException)
            {
                // The page still explains the embeds; the preview falls back to the placeholder code.
            }
        }

        Examples = examples;
        if (examples.Count > 0)
        {
            PreviewCode = examples[0].Item1;
        }

        var asked = Request.Query["uscc"].ToString();
        if (!string.IsNullOrWhiteSpace(asked))
        {
            var code = UnifiedSocialCreditCode.Parse(asked);
            if (code.IsValid)
            {
                PreviewCode = code.Value!.Value.Value;
            }
            else
            {
                CodeMessage = code.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
    }

    public string SearchSnippet =>
        $"<iframe src=\"{BaseUrl}/embed/search\" title=\"信用常州信用查询\" width=\"380\" height=\"360\" style=\"border:0\" loading=\"lazy\"></iframe>";

    public string BadgeFrameSnippet =>
        $"<iframe src=\"{BaseUrl}/embed/badge/{PreviewCode}\" title=\"信用常州信用状态\" width=\"280\" height=\"72\" style=\"border:0\" loading=\"lazy\"></iframe>";

    public string BadgeImageSnippet =>
        $"<a href=\"{BaseUrl}/q/{PreviewCode}\" target=\"_blank\" rel=\"noopener\"><img src=\"{BaseUrl}/embed/badge/{PreviewCode}.svg\" alt=\"信用常州信用状态\" height=\"40\"></a>";

    public string LinkSnippet => $"<a href=\"{BaseUrl}/q/{PreviewCode}\" target=\"_blank\" rel=\"noopener\">在信用常州查看信用信息</a>";

    public string StatusApiSnippet =>
        $"curl -X POST {BaseUrl}/api/v1/status \\\n  -H \"Content-Type: application/json\" \\\n  -H \"X-Api-Key: <您的 API 密钥>\" \\\n  -d '{{\"codes\":[\"{PreviewCode}\"]}}'";
}
