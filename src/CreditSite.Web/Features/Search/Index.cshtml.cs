using CreditSite.Domain;
using CreditSite.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Search;

/// <summary>一站式查询: one query over list entries, records, registry records and content, one row per subject
/// (<see cref="SubjectRow"/>) plus content items as rows of their own.</summary>
public sealed class IndexModel(ISearchEngine engine, SearchQueryInterpreter interpreter, TimeProvider time) : PageModel
{
    public SearchParameters Parameters { get; private set; } = new();

    public InterpretedQuery? Query { get; private set; }

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>One row per subject (the default; <c>group=none</c> asks for one per document).</summary>
    public bool Grouped { get; private set; }

    /// <summary>Every row stands for a subject (the count then reads "共 N 个主体").</summary>
    public bool RowsAreSubjects { get; private set; }

    public string? Outage { get; private set; }

    /// <summary>False for an ID-number query: facet and paging links then leave the number out.</summary>
    public bool LinksCarryQuery { get; private set; } = true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = SearchParameters.FromQuery(Request.Query);
        var (request, query, errors) = Parameters.Build(interpreter, CreditCalendar.Today(time), groupBySubject: true);
        Query = query;
        Errors = errors;
        if (query.Kind == QueryKind.ResidentId || (query.Kind == QueryKind.InvalidIdentifier && query.Display.Contains('*', StringComparison.Ordinal)))
        {
            // Links on the page (facets, sort, paging) repeat the query: never with a full ID number in them.
            Parameters.Q = null;
            LinksCarryQuery = false;
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (request is null)
        {
            return;
        }

        Grouped = request.GroupBySubject;
        RowsAreSubjects = ResultTotals.RowsAreSubjects(request);

        try
        {
            Results = await engine.SearchAsync(request, cancellationToken);
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Outage = SearchFeature.UnavailableMessage;
        }
    }
}
