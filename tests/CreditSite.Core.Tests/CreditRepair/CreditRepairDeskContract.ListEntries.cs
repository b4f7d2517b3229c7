using CreditSite.Core.Tests.Import;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Import;
using CreditSite.Storage;

namespace CreditSite.Core.Tests.CreditRepair;

/// <summary>Credit repair and objections on black-list entries (<c>list_entries</c>) against each store: the same
/// desk, effects and re-import rules as penalties.</summary>
public abstract partial class CreditRepairDeskContract
{
    private static Dictionary<string, string> BlackEntry(string entryId, string severity = "general", string decided = "2025-03-01", string until = "2026-03-01") =>
        ImportFiles.With(ImportFiles.With(ImportFiles.With(ImportFiles.Organisation(entryId), "severity", severity), "decision_date", decided), "public_until", until);

    private async Task<ImportResult> ImportEntriesAsync(params Dictionary<string, string>[] rows)
    {
        var result = await Files.Importer(Store).ImportAsync(Files.Csv(rows));
        Assert.True(result.Accepted, result.Report.Describe());
        return result;
    }

    private static RepairApplication RepairEntry(string entryId) =>
        new(RequestRecordKind.BlackList, entryId, Company, "13812345678", "已履行法定义务，完成整改。", true);

    [Fact]
    public async Task ABlackListEntryMayBeRepairedFromTheMinimumPeriodOfItsSeverityAndARedOneNever()
    {
        var honour = ImportFiles.With(ImportFiles.Honour("JS-R"), "uscc", ImportFiles.Uscc);
        await ImportEntriesAsync(BlackEntry("JS-G"), BlackEntry("JS-S", "serious", "2025-03-01", "2027-03-01"), honour);

        var mine = await RequestedRecord.OfSubjectAsync(Store, ImportFiles.Uscc);
        Assert.Equal(["JS-G", "JS-S"], mine.Select(r => r.RecordId).Order(StringComparer.Ordinal));
        var catalogue = ImportFiles.Catalogue();
        Assert.Equal(new DateOnly(2025, 6, 1), mine.Single(r => r.RecordId == "JS-G").RepairableFrom(catalogue));
        Assert.Equal(new DateOnly(2026, 3, 1), mine.Single(r => r.RecordId == "JS-S").RepairableFrom(catalogue));

        var early = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(RepairEntry("JS-S")));
        Assert.Contains("2026年3月1日", early.Message, StringComparison.Ordinal);
        Assert.True((await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(RepairEntry("JS-R")))).IsNotFound);
        Assert.Equal(0, await StoredRequestsAsync());

        var submitted = await Desk.SubmitRepairAsync(RepairEntry("JS-G"));
        var request = await Desk.FindForDepartmentAsync(submitted.Number, Department);
        Assert.Equal((RequestRecordKind.BlackList, "JS-G"), (request!.RecordKind, request.RecordId));
    }

    [Fact]
    public async Task AnApprovedRepairTakesTheEntryOutOfViewAsAChangeTheIndexerReadsAndAReimportKeepsItOutWithAWarning()
    {
        var imported = await ImportEntriesAsync(BlackEntry("JS-1"), BlackEntry("JS-9"));
        var submitted = await Desk.SubmitRepairAsync(RepairEntry("JS-1"));
        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        await Desk.DecideRepairAsync(submitted.Number, 2, Staff, approve: true, "已履行义务，同意修复。");

        var lists = new ListStore(Store);
        var entry = await lists.FindAsync("JS-1");
        Assert.Equal(EntryStatus.Repaired, entry!.Status);
        Assert.False(entry.IsPublicOn(Desk.Today));
        var changed = new List<ListEntry>();
        await foreach (var page in lists.ReadChangedAsync(imported.Written!.ChangeSeq, await lists.CurrentSequenceAsync(), 100))
        {
            changed.AddRange(page);
        }

        Assert.Equal(("JS-1", EntryStatus.Repaired), (Assert.Single(changed).EntryId, changed[0].Status));
        var commitment = await new RecordStore(Store).FindAsync(RecordKind.Commitment, "XF-" + submitted.Number);
        Assert.Equal((RepairCommitment.CommitmentType, ImportFiles.Uscc), (commitment?.Category, commitment?.SubjectKey));

        var again = await ImportEntriesAsync(BlackEntry("JS-1"), BlackEntry("JS-9"));

        Assert.Equal(EntryStatus.Repaired, (await lists.FindAsync("JS-1"))!.Status);
        Assert.Equal(EntryStatus.Active, (await lists.FindAsync("JS-9"))!.Status);
        var warning = Assert.Single(again.Report.Warnings);
        Assert.Contains("JS-1", warning, StringComparison.Ordinal);
        Assert.Contains(submitted.Number, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnObjectionMarksAnEntryUntilDecidedAndACorrectionOfItsSummarySurvivesAReimport()
    {
        await ImportEntriesAsync(BlackEntry("JS-1"));
        var lists = new ListStore(Store);
        var wrongField = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitObjectionAsync(
            new ObjectionApplication(RequestRecordKind.BlackList, "JS-1", Company, "13812345678", "facts", "事实有误。")));
        Assert.Contains("字段", wrongField.Message, StringComparison.Ordinal);

        var submitted = await Desk.SubmitObjectionAsync(
            new ObjectionApplication(RequestRecordKind.BlackList, "JS-1", Company, "13812345678", "content", "失信行为描述有误。"));
        Assert.Equal(EntryStatus.UnderObjection, (await lists.FindAsync("JS-1"))!.Status);
        var reimport = await ImportEntriesAsync(BlackEntry("JS-1"));
        Assert.Equal(EntryStatus.UnderObjection, (await lists.FindAsync("JS-1"))!.Status);
        Assert.Single(reimport.Report.Warnings);

        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        await Desk.DecideObjectionAsync(submitted.Number, 2, Staff, ObjectionOutcome.Correct, "核实后更正。", "经营标签不规范的食品。");

        var corrected = await lists.FindAsync("JS-1");
        Assert.Equal((EntryStatus.Active, "经营标签不规范的食品。"), (corrected!.Status, corrected.Summary));
        Assert.Equal("经营超过保质期的食品。", Assert.Single(await Desk.CorrectionsOfAsync(RequestRecordKind.BlackList, "JS-1")).OldValue);
        await ImportEntriesAsync(BlackEntry("JS-1"));
        Assert.Equal("经营标签不规范的食品。", (await lists.FindAsync("JS-1"))!.Summary);
    }

    [Fact]
    public async Task AnObjectionUpheldByRemovalTakesTheEntryOutForGoodAndAnObjectionToAnExitedEntryDoesNotPublishItAgain()
    {
        await ImportEntriesAsync(BlackEntry("JS-1"), ImportFiles.With(BlackEntry("JS-2"), "status", "exited"));
        var lists = new ListStore(Store);
        var submitted = await Desk.SubmitObjectionAsync(
            new ObjectionApplication(RequestRecordKind.BlackList, "JS-1", Company, "13812345678", "decision_number", "并非本单位的决定。"));
        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        await Desk.DecideObjectionAsync(submitted.Number, 2, Staff, ObjectionOutcome.Remove, "经核实，认定有误，予以删除。");

        await Desk.SubmitObjectionAsync(
            new ObjectionApplication(RequestRecordKind.BlackList, "JS-2", Company, "13812345678", "content", "描述有误。"));

        Assert.Equal(EntryStatus.Exited, (await lists.FindAsync("JS-1"))!.Status);
        Assert.False((await lists.FindAsync("JS-2"))!.IsPublicOn(Desk.Today));
        var again = await ImportEntriesAsync(BlackEntry("JS-1"), ImportFiles.With(BlackEntry("JS-2"), "status", "exited"));
        Assert.Equal(EntryStatus.Exited, (await lists.FindAsync("JS-1"))!.Status);
        Assert.Contains(submitted.Number, Assert.Single(again.Report.Warnings), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Exited, (await lists.FindAsync("JS-2"))!.Status);
    }
}
