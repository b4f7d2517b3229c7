using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Subjects;

/// <summary>A credit subject's page: organisations by USCC, persons by an opaque key (never their ID number).</summary>
public sealed partial class SubjectModel(ISearchEngine engine, TimeProvider time) : PageModel
{
    public SubjectRecord? Record { get; private set; }

    public string? CodeError { get; private set; }

    public string? Outage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var isPerson = PersonKey().IsMatch(key ?? string.Empty);
        if (!isPerson)
        {
            var code = UnifiedSocialCreditCode.Parse(key);
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

        return Record is null ? NotFound() : Page();
    }

    /// <summary>Persons' opaque keys: lower-case hex from a keyed hash.</summary>
    [GeneratedRegex("^[0-9a-f]{16,64}$")]
    private static partial Regex PersonKey();
}
