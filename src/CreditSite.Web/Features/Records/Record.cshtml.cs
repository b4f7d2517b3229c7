using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Features.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Records;

/// <summary>One public record's page (<c>/records/{kind}/{id}</c>): every public field, 公示期限, 数据来源, status and,
/// for a penalty, when credit repair may be applied for. A record not in public view today — withdrawn (repaired,
/// revoked, expired, unpublished), past its period, or unknown — is a 404 that says so without telling which.</summary>
public sealed class RecordModel(RecordStore records, CreditCatalogue catalogue, TimeProvider time) : PageModel
{
    public RecordView View { get; private set; } = null!;

    /// <summary>The subject's page: organisations by USCC, persons by their opaque key.</summary>
    public string SubjectUrl => "/subjects/" + View.Record.SubjectKey;

    public async Task<IActionResult> OnGetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (!RecordText.TryParseRecordKind(kind, out var recordKind))
        {
            return NotInView("没有这类信息", "网址中的信息类别只能是 licence（行政许可）、penalty（行政处罚）或 commitment（信用承诺）。");
        }

        var today = CreditCalendar.Today(time);
        // An id no import accepts (too long, control characters) is not looked up: it cannot exist.
        var record = id.Length is 0 or > PublicRecordLimits.RecordId || id.Any(char.IsControl)
            ? null
            : await records.FindAsync(recordKind, id, cancellationToken);
        if (record is null || !record.IsPublicOn(today))
        {
            return NotInView(
                $"该{recordKind.Label()}信息不在公示中",
                $"没有找到这条{recordKind.Label()}信息：它可能不存在，或已不在公示期内（公示期满、已信用修复、已撤销或已撤回的信息不再公示）。可以到“双公示”栏目或一站式查询中查找。");
        }

        View = RecordView.Of(record, catalogue, today);
        return Page();
    }

    private NotFoundResult NotInView(string heading, string explanation)
    {
        ErrorModel.DescribeNotFound(HttpContext, heading, explanation);
        return NotFound();
    }
}
