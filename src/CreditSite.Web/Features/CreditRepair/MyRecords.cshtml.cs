using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>One record in 我的信用记录, with its open request (if any) and whether repair may be applied for today.</summary>
public sealed record MyRecord(PublicRecord Record, RepairRequest? OpenRequest, string? RepairRefusal, DateOnly? RepairableFrom);

/// <summary>/my-records (我的信用记录): every record about the signed-in person and the organisation they represent,
/// public or not, with the repair button live from the earliest repair date and an objection link on every record.</summary>
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
            var mine = await records.BySubjectAsync(subject.Key, cancellationToken);
            sections.Add((subject, [.. mine.Select(r => new MyRecord(
                r,
                open.FirstOrDefault(o => o.RecordKind == r.Kind && o.RecordId == r.RecordId),
                RepairEligibility.Refusal(desk.Catalogue, r, desk.Today),
                desk.Catalogue.RepairableFrom(r)))]));
        }

        Sections = sections;
    }
}
