using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Reports;
using CreditSite.Reports.Pdf;
using CreditSite.Reports.Special;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports/special: request a special credit report (专项信用报告) — choose period and fields, preview the
/// conclusion per field, then issue the signed PDF. An organisation's representative for that organisation only; a
/// person for themselves.</summary>
[Authorize]
public sealed class SpecialModel(SpecialReportIssuer issuer, CreditCatalogue catalogue, TimeProvider time, ILogger<SpecialModel> logger) : PageModel
{
    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public List<string> Fields { get; set; } = [];

    [BindProperty]
    public bool AllFields { get; set; }

    /// <summary>The organisation the report is for; must be the signed-in representative's own.</summary>
    [BindProperty]
    public string? Uscc { get; set; }

    /// <summary><c>company</c> or <c>person</c>.</summary>
    [BindProperty]
    public string? Subject { get; set; }

    public CreditUser Me { get; private set; } = null!;

    public IReadOnlyList<string> CatalogueFields => catalogue.Fields;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public SpecialReportContent? Preview { get; private set; }

    public void OnGet()
    {
        Me = CreditUser.From(User)!;
        var today = CreditCalendar.Today(time);
        From = today.AddYears(-SpecialReportScope.DefaultYears).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        AllFields = true;
        Uscc = Me.Uscc;
        Subject = Me.IsRepresentative ? "company" : "person";
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Check() is not var (subject, scope))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Preview = await issuer.PreviewAsync(subject, scope, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (Check() is not var (subject, scope))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var report = await issuer.IssueAsync(subject, scope, cancellationToken);
            return Redirect($"/reports/{report.Id}");
        }
        catch (ReportFontMissingException missing)
        {
            logger.LogError("Special report cannot be made: {Message}", missing.Message);
            Errors = ["专项信用报告暂时无法生成（服务器缺少中文字体），请稍后再试。"];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    /// <summary>The subject and scope, or null with <see cref="Errors"/> set (nothing is gathered or stored then).</summary>
    private (ReportSubject Subject, SpecialReportScope Scope)? Check()
    {
        Me = CreditUser.From(User)!;
        var errors = new List<string>();
        ReportSubject? subject = null;
        if (Subject == "person" || !Me.IsRepresentative)
        {
            subject = ReportIssuer.PersonOf(Me);
            if (subject is null)
            {
                errors.Add("当前登录身份不能申请专项信用报告：请以单位经办人或本人身份登录。");
            }
        }
        else
        {
            var code = UnifiedSocialCreditCode.Parse(Uscc);
            if (!code.IsValid)
            {
                errors.Add(code.Message ?? "统一社会信用代码不正确。");
            }
            else if (code.Value!.Value.Value != Me.Uscc)
            {
                errors.Add("只能为本单位申请专项信用报告：填写的统一社会信用代码与您所代表的单位不一致。");
            }
            else
            {
                subject = ReportIssuer.CompanyOf(Me);
            }
        }

        var (scope, scopeErrors) = SpecialReportScope.Validate(
            ParseDate(From), ParseDate(To), Fields, AllFields, CreditCalendar.Today(time), catalogue.Fields);
        if (ParseDate(From) is null && !string.IsNullOrWhiteSpace(From) || ParseDate(To) is null && !string.IsNullOrWhiteSpace(To))
        {
            errors.Add("日期格式不正确，请按 2024-01-01 的格式填写。");
        }
        else
        {
            errors.AddRange(scopeErrors);
        }

        Errors = errors;
        return errors.Count == 0 && subject is not null && scope is not null ? (subject, scope) : null;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
