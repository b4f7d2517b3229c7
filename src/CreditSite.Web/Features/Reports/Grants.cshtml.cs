using CreditSite.Reports.Storage;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports/grants: grants given (create, revoke) and received (redeem).</summary>
[Authorize]
public sealed class GrantsModel(GrantBook grants, PublicUrls urls, IOptions<ReportOptions> options) : PageModel
{
    public CreditUser Me { get; private set; } = null!;

    public IReadOnlyList<ReportGrant> Given { get; private set; } = [];

    public IReadOnlyList<(ReportGrant Grant, IReadOnlyList<CreditReport> Reports)> Received { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public int MaxDays => options.Value.MaxGrantDays;

    [BindProperty]
    public GrantForm Form { get; set; } = new();

    public ReportGrant? Created { get; private set; }

    public string? CreatedCode { get; private set; }

    public string? CreatedLink { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The code of a grant just created, carried across the redirect once (post-redirect-get: a refresh
    /// shows the page again instead of creating a second grant, and the code is shown only this once).</summary>
    [TempData]
    public string? JustCreatedCode { get; set; }

    [TempData]
    public string? JustCreatedId { get; set; }

    public async Task OnGetAsync(string? revoked, CancellationToken cancellationToken)
    {
        if (revoked == "1")
        {
            Message = "授权已撤销，被授权方将无法再用它查看您的报告。";
        }

        await LoadAsync(cancellationToken);
        if (JustCreatedId is { } id && JustCreatedCode is { } code && Given.FirstOrDefault(g => g.Id == id) is { } created)
        {
            Created = created;
            CreatedCode = code;
            CreatedLink = $"{urls.BaseUrl}/reports/grants/redeem?code={Uri.EscapeDataString(code)}";
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await FailAsync("表单填写有误，请检查被授权方、用途和有效期。", cancellationToken);
        }

        var (grant, code, error) = await grants.CreateGrantAsync(CreditUser.From(User)!, Form.ToRequest(), cancellationToken);
        if (grant is null)
        {
            return await FailAsync(error!, cancellationToken);
        }

        JustCreatedId = grant.Id;
        JustCreatedCode = code;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? grantId, CancellationToken cancellationToken) =>
        await grants.RevokeAsync(grantId, CreditUser.From(User)!, cancellationToken)
            ? Redirect("/reports/grants?revoked=1")
            : NotFound();

    private async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = CreditUser.From(User)!;
        Now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        Given = await grants.GrantsGivenAsync(Me, cancellationToken);
        Received = await grants.GrantsReceivedAsync(Me, cancellationToken);
    }
}

/// <summary>The grant form as posted.</summary>
public sealed class GrantForm
{
    public GranteeKind GranteeKind { get; set; } = GranteeKind.Enterprise;

    public string? GranteeName { get; set; }

    /// <summary>A USCC, or a person requester's resident ID number (hashed at once, never stored).</summary>
    public string? GranteeIdentifier { get; set; }

    public GrantPurpose Purpose { get; set; } = GrantPurpose.LoanApproval;

    public string? PurposeText { get; set; }

    public int Days { get; set; } = 7;

    public bool SingleUse { get; set; } = true;

    public GrantRequest ToRequest() => new(GranteeKind, GranteeName, GranteeIdentifier, Purpose, PurposeText, Days, SingleUse);
}
