using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Lists;

/// <summary>红名单 / 黑名单: browse one list with filters (field, department, decision-date range) and paging.</summary>
public sealed class BrowseModel(ISearchEngine engine, SearchQueryInterpreter interpreter, TimeProvider time) : PageModel
{
    public ListKind Kind { get; private set; }

    public SearchParameters Parameters { get; private set; } = new();

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Outage { get; private set; }

    public string Path => $"/lists/{Kind.Code()}";

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        Kind = kind == "red" ? ListKind.Red : ListKind.Black;
        Parameters = SearchParameters.FromQuery(Request.Query);
        Parameters.Kind = Kind.Code();
        Parameters.Type = "list_entry";
        Parameters.Sort ??= "newest";
        var (request, query, errors) = Parameters.Build(interpreter, CreditCalendar.Today(time));
        Errors = query.Kind == QueryKind.InvalidIdentifier && query.Message is not null ? [.. errors, query.Message] : errors;
        if (request is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Results = await engine.SearchAsync(request, cancellationToken);
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Outage = SearchFeature.UnavailableMessage;
            return Page();
        }

        // A page past the end (an old link, a shorter list today) goes to the last page instead of an empty one
        // that says "第 102 / 101 页".
        if (Results.Total > 0 && Results.Page > Results.PageCount)
        {
            return Redirect(Parameters.LinkWith(Path, "page", Results.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Page();
    }
}
