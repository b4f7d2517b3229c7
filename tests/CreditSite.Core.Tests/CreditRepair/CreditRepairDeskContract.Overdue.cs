using CreditSite.Core.Tests.Import;
using CreditSite.CreditRepair;

namespace CreditSite.Core.Tests.CreditRepair;

/// <summary>The nightly overdue pass (逾期检查) against each store.</summary>
public abstract partial class CreditRepairDeskContract
{
    [Fact]
    public async Task TheOverduePassFlagsExactlyTheOverdueRequestsOnceWithOneAuditLineEach()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"), RecordRows.Penalty("CF-2"), RecordRows.Penalty("CF-3"));
        // Monday 2025-06-30: every acceptance is due Thursday 07-03.
        var late = await Desk.SubmitRepairAsync(Repair("CF-1"));
        var decided = await Desk.SubmitRepairAsync(Repair("CF-2"));
        var returned = await Desk.SubmitRepairAsync(Repair("CF-3"));
        await Desk.AcceptAsync(decided.Number, 1, Staff, "受理。");
        await Desk.DecideRepairAsync(decided.Number, 2, Staff, approve: false, "整改材料不足。");
        await Desk.ReturnForMaterialAsync(returned.Number, 1, Staff, "请补充罚款缴纳凭证。");
        Assert.Equal(0, (await Desk.RunOverduePassAsync()).Flagged);

        // Monday 07-07: the undecided request is two working days over (Friday, Monday); the returned one waits for
        // its material with the clock stopped, the decided one is done.
        Clock.Advance(TimeSpan.FromDays(7));
        var pass = await Desk.RunOverduePassAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        var nextNight = await Desk.RunOverduePassAsync();

        Assert.Equal((1, 0), (pass.Flagged, nextNight.Flagged));
        var report = await Desk.OverdueAsync(null);
        var flagged = Assert.Single(report.Flagged);
        Assert.Equal((late.Number, new DateOnly(2025, 7, 3), 3), (flagged.Request.Number, flagged.DueOn, flagged.WorkingDaysOver));
        Assert.Equal(Clock.GetUtcNow(), report.LastPassAt);
        var line = Assert.Single(await Desk.AuditOfAsync(late.Number), a => a.Action == "overdue");
        Assert.Equal((CreditRepairDesk.SystemActor, Department), (line.Actor, line.Department));
        Assert.StartsWith("逾期", line.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await Desk.AuditOfAsync(decided.Number), a => a.Action == "overdue");
        Assert.DoesNotContain(await Desk.AuditOfAsync(returned.Number), a => a.Action == "overdue");
    }

    [Fact]
    public async Task EachDepartmentSeesOnlyItsOwnFlaggedRequestsAndAFlaggedRequestLeavesTheListWhenDecided()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitRepairAsync(Repair("CF-1"));
        Assert.Null((await Desk.OverdueAsync(null)).LastPassAt);
        Clock.Advance(TimeSpan.FromDays(7));
        await Desk.RunOverduePassAsync();

        Assert.Single((await Desk.OverdueAsync(Department)).Flagged);
        Assert.Empty((await Desk.OverdueAsync(OtherStaff.Department)).Flagged);

        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        Assert.Empty((await Desk.OverdueAsync(null)).Flagged);
        Assert.NotNull((await Desk.FindForDepartmentAsync(submitted.Number, Department))!.OverdueFlaggedAt);
    }
}
