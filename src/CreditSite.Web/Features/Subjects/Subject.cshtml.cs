using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Subjects;

/// <summary>A credit subject's page: organisations by USCC, persons by an opaque key (never their ID number). Each
/// section pages on its own through the query string (<c>?penalty_page=2#penalties</c>), without JavaScript.</summary>
public sealed class SubjectModel(ISearchEngine engine, RecordStore records, TimeProvider time) : PageModel
{
    public SubjectPage? Record { get; private set; }

    public string? CodeError { get; private set; }

    public IReadOnlyList<string> PageErrors { get; private set; } = [];

    public string? Outage { get; private set; }

    /// <summary>A valid USCC with no record in public view: said plainly, with what that does and does not mean.</summary>
    public string? CodeWithoutRecords { get; private set; }

    public string Path { get; private set; } = "/subjects";

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        // A valid USCC always means the organisation (an all-digit one such as 914403001922038216 included); a
        // person's key has one exact shape that no USCC has.
        var code = UnifiedSocialCreditCode.Parse(key);
        var isPerson = !code.IsValid && ResidentIdHasher.IsSubjectKeyShape(key);
        if (!isPerson)
        {
            if (!code.IsValid)
            {
                CodeError = code.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            key = code.Value!.Value.Value;
        }

        Path = "/subjects/" + key;
        var (pages, errors) = SubjectSections.ParsePages(Request.Query);
        if (errors.Count > 0)
        {
            PageErrors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Record = await SubjectSections.LoadAsync(engine, records, key!, isPerson, CreditCalendar.Today(time), pages, cancellationToken);
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Outage = SearchFeature.UnavailableMessage;
            return Page();
        }

        if (Record is null && !isPerson)
        {
            CodeWithoutRecords = key;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return Record is null ? NotFound() : Page();
    }

    /// <summary>The link to another page of one section: the other sections keep their pages, and the link lands on
    /// the section.</summary>
    public string PageLink(SubjectSection section, int page)
    {
        ArgumentNullException.ThrowIfNull(section);
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var other in Record?.Sections ?? [])
        {
            var number = other.Id == section.Id ? page : other.Page;
            if (number > 1)
            {
                values.Add(new(other.PageParameter, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return Path + QueryString.Create(values).ToUriComponent() + "#" + section.Id;
    }
}
