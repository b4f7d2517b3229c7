using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Subjects;

/// <summary>A credit subject's page: organisations by USCC, persons by an opaque key (never their ID number).</summary>
public sealed class SubjectModel(ISearchEngine engine, TimeProvider time) : PageModel
{
    public SubjectRecord? Record { get; private set; }

    public string? CodeError { get; private set; }

    public string? Outage { get; private set; }

    /// <summary>A valid USCC with no record in public view: said plainly, with what that does and does not mean.</summary>
    public string? CodeWithoutRecords { get; private set; }

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

        try
        {
            Record = await SubjectRecord.LoadAsync(engine, key!, isPerson, CreditCalendar.Today(time), cancellationToken);
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
}
