using CreditSite.Web.Site.ListSync;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Embeds;

/// <summary>The HTML status badge for one organisation, for an iframe on a merchant's page.</summary>
public sealed class BadgeModel(SubjectStatusLookup lookup, DemoDataMode demo) : PageModel
{
    /// <summary>The site holds demonstration data: the badge says so.</summary>
    public bool IsDemo => demo.IsOn;

    public SubjectStatus? Status { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(string uscc, CancellationToken cancellationToken)
    {
        var code = UnifiedSocialCreditCode.Parse(uscc);
        if (!code.IsValid)
        {
            Message = code.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            Status = await lookup.GetAsync(code.Value!.Value.Value, cancellationToken);
            EmbedsFeature.SetShortCaching(Response);
            EmbedFraming.AllowCrossOriginLoading(Response);
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Message = SearchFeature.UnavailableMessage;
        }
    }
}
