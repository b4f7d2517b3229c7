using CreditSite.Identifiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Embeds;

/// <summary><c>/q/{uscc}</c>: a stable link to an organisation that platforms can print next to a merchant. It
/// sends the visitor to the subject page; a code that fails its check gets the message saying which check.</summary>
public sealed class PermalinkModel : PageModel
{
    public string? Input { get; private set; }

    public string? Message { get; private set; }

    public IActionResult OnGet(string uscc)
    {
        var code = UnifiedSocialCreditCode.Parse(uscc);
        if (code.IsValid)
        {
            return Redirect($"/subjects/{code.Value!.Value.Value}");
        }

        Input = uscc;
        Message = code.Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
