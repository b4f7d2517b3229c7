using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Lists;

/// <summary>红名单 / 黑名单: browse one list with filters (field, department, decision-date range) and paging.</summary>
public sealed class BrowseModel(ISearchEngine engine, SearchQueryInterpreter interpreter, TimeProvider time, CreditCatalogue catalogue) : PageModel
{
    public ListKind Kind { get; private set; }

    public SearchParameters Parameters { get; private set; } = new();

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Outage { get; private set; }

    /// <summary>The 领域 the list holds under the other filters, each with its count: never a value that gives nothing.</summary>
    public IReadOnlyList<FacetValue> FieldOptions { get; private set; } = [];

    /// <summary>The 认定单位 the list holds under the other filters, each with its count.</summary>
    public IReadOnlyList<FacetValue> DepartmentOptions { get; private set; } = [];

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

        // A filter's options are what the list holds with every *other* filter applied (a chosen 领域 must not hide
        // the other 领域 from its own menu); the answer's own facets serve when the filter is not set.
        FieldOptions = request.Field is null ? Results.Facets["field"]
            : await OptionsAsync(request with { Field = null }, "field", cancellationToken);
        DepartmentOptions = request.IssuingDepartment is null ? Results.Facets["department"]
            : await OptionsAsync(request with { IssuingDepartment = null }, "department", cancellationToken);
        FieldOptions = [.. FieldOptions.OrderBy(v => CatalogueOrder(v.Value))];

        // A page past the end (an old link, a shorter list today) goes to the last page instead of an empty one
        // that says "第 102 / 101 页".
        if (Results.Total > 0 && Results.Page > Results.PageCount)
        {
            return Redirect(Parameters.LinkWith(Path, "page", Results.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Page();
    }

    private async Task<IReadOnlyList<FacetValue>> OptionsAsync(SearchRequest request, string dimension, CancellationToken cancellationToken)
    {
        try
        {
            var results = await engine.SearchAsync(request with { Page = 1, PageSize = 1, WithFacets = true }, cancellationToken);
            return results.Facets[dimension];
        }
        catch (SearchUnavailableException)
        {
            // The list itself was answered: a menu without options is better than no page.
            return [];
        }
    }

    // The catalogue's order (the credit office's), values it does not name after it.
    private int CatalogueOrder(string field)
    {
        var index = catalogue.Fields.ToList().IndexOf(field);
        return index < 0 ? int.MaxValue : index;
    }
}
