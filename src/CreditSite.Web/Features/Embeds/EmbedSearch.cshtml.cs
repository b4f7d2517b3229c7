using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Embeds;

/// <summary>The compact query window that platforms put in an iframe. It shows the first few rows of the one-stop
/// query (one per subject, as on the main site); every link opens on the main site.</summary>
public sealed class EmbedSearchModel(ISearchEngine engine, SearchQueryInterpreter interpreter, TimeProvider time) : PageModel
{
    public const int ResultCount = 5;

    public string? Q { get; private set; }

    public InterpretedQuery? Query { get; private set; }

    public SearchResults? Results { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parameters = new SearchParameters { Q = Request.Query["q"].ToString() };
        Q = parameters.Q;
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var (request, query, errors) = parameters.Build(interpreter, CreditCalendar.Today(time), ResultCount, groupBySubject: true);
        Query = query;
        if (request is null)
        {
            Message = errors.Count > 0 ? string.Join(" ", errors) : query.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            Results = await engine.SearchAsync(request with { WithFacets = false }, cancellationToken);
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Message = SearchFeature.UnavailableMessage;
        }
    }

    /// <summary>The visitor's text (null for an identifier): a subject found by a former name says so.</summary>
    public string? QueryText => Query?.Kind == QueryKind.Text ? Query.Text : null;

    public string FullResultsLink => "/search" + QueryString.Create("q", Q ?? string.Empty).ToUriComponent();
}
