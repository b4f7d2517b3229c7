using CreditSite.CreditRepair;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>One record in 我的信用记录, with its open request (if any), whether repair may be applied for today, and for a
/// negative record its publication period (最短／最长, from the catalogue) and the earliest repair date.</summary>
public sealed record MyRecord(RequestedRecord Record, RepairRequest? OpenRequest, string? RepairRefusal, DateOnly? RepairableFrom, string? Period);

/// <summary>/my-records (我的信用记录): every record about the signed-in person and the organisation they represent,
/// public or not — licences, penalties, commitments and black-list entries (a red-list entry is not negative and is
/// not listed) — with the repair button live from the earliest repair date and an objection link on every record.</summary>
[Authorize]
public sealed class MyRecordsModel(CreditRepairDesk desk, RecordStore records, RequestSubjects subjects) : PageModel
{
    public IReadOnlyList<(ActingSubject Subject, IReadOnlyList<MyRecord> Records)> Sections { get; private set; } = [];

    public DateOnly Today => desk.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sections = new List<(ActingSubject, IReadOnlyList<MyRecord>)>();
        foreach (var subject in subjects.Of(CreditUser.From(User)!))
        {
            var open = (await desk.ListForApplicantAsync(subject.Key, cancellationToken)).Where(r => r.IsOpen).ToList();
            var mine = await RequestedRecord.OfSubjectAsync(records.Store, subject.Key, cancellationToken);
            sections.Add((subject, [.. mine.Select(r => new MyRecord(
                r,
                open.FirstOrDefault(o => o.RecordKind == r.Kind && o.RecordId == r.RecordId),
                RepairEligibility.Refusal(desk.Catalogue, r, desk.Today),
                r.RepairableFrom(desk.Catalogue),
                r.IsNegative ? PeriodText(r.PublicationRange(desk.Catalogue)) : null))]));
        }

        Sections = sections;
    }

    private static string? PeriodText(Domain.PublicationRange? range) => range switch
    {
        null => null,
        { MaximumMonths: { } max } => $"最短{Months(range.MinimumMonths)}，最长{Domain.PublicationRange.MonthsText(max)}",
        _ => $"最短{Months(range.MinimumMonths)}",
    };

    private static string Months(int months) => months == 0 ? "不限" : Domain.PublicationRange.MonthsText(months);
}
