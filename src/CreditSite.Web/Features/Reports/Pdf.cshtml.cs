using CreditSite.Reports.Pdf;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>The PDF of a report, under the same rules as the page; a download is recorded when the PDF is made and about
/// to be sent (not when making it failed, not for a HEAD request).</summary>
[Authorize]
public sealed class PdfModel(ReportOpener opener, ReportPdfs pdfs, ILogger<PdfModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = CreditUser.From(User)!;
        var opening = await opener.OpenAsync(id, user, cancellationToken);
        if (opening is null)
        {
            return NotFound();
        }

        try
        {
            var bytes = await pdfs.GetAsync(opening.Record, opening.Report, cancellationToken);
            if (!HttpMethods.IsHead(Request.Method))
            {
                await opener.RecordAsync(opening, user, ReportAction.Download, cancellationToken);
            }

            return File(bytes, "application/pdf", $"credit-report-{opening.Record.Number}.pdf");
        }
        catch (ReportFontMissingException missing)
        {
            logger.LogError("Report PDF cannot be made: {Message}", missing.Message);
            Error = "PDF 报告暂时无法生成（服务器缺少中文字体），请先查看网页版报告，或稍后再试。";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}
