using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports/staff: credit office staff find a report by its number; opening it is recorded for the subject.</summary>
[Authorize(Roles = CreditClaims.StaffRole)]
public sealed class StaffModel(ReportLookup lookup) : PageModel
{
    public string? Number { get; private set; }

    public CreditReport? Found { get; private set; }

    public bool Searched { get; private set; }

    public async Task OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        Number = number;
        if (!string.IsNullOrWhiteSpace(number))
        {
            Searched = true;
            Found = await lookup.FindByNumberAsync(number, cancellationToken);
        }
    }
}
