using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Records;

/// <summary>公示及时率: the table the credit office sends to departments (prints as it shows).</summary>
public sealed class TimelinessModel(PublicationTimeliness timeliness) : PageModel
{
    public TimelinessReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await timeliness.ReadAsync(cancellationToken);
}
