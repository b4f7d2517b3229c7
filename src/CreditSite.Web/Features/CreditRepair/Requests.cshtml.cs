using CreditSite.CreditRepair;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>/requests: every credit repair and objection request of the signed-in person and their organisation.</summary>
[Authorize]
public sealed class RequestsModel(CreditRepairDesk desk, RequestSubjects subjects) : PageModel
{
    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = new List<RequestView>();
        foreach (var subject in subjects.Of(CreditUser.From(User)!))
        {
            all.AddRange((await desk.ListForApplicantAsync(subject.Key, cancellationToken)).Select(r => RequestView.Of(r, desk)));
        }

        Requests = [.. all.OrderByDescending(r => r.Request.SubmittedAt)];
    }
}
