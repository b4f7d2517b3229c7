using CreditSite.Content;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Cli;

/// <summary><c>creditsite import</c> of a list file after a department approved the repair of one of its black-list
/// entries: the entry stays out of view and the command prints why (提示).</summary>
public sealed class ListRepairImportCliTests : IDisposable
{
    private static readonly string ListFile = Path.Combine(SiteRoot.Find(), "docs", "examples", "list-entries.csv");

    private readonly CliRun _cli = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _cli.Dispose();
    }

    [Fact]
    public async Task ALaterListImportKeepsARepairedEntryOutOfViewAndSaysSo()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "--file", ListFile)).ExitCode);
        var store = CreditStore.FromOptions(new StorageOptions { DataPath = _cli.DataPath }, _cli.DataPath);
        // 2025-07-01: JS-2025-000101 (general, decided 2025-03-01) may be repaired since 2025-06-01.
        var desk = new CreditRepairDesk(store, CatalogueFile.Load(Path.Combine(SiteRoot.Find(), "content")), WorkdayCalendar.WeekdaysOnly,
            Options.Create(new CreditRepairOptions()), new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 10, 0, 0, CreditCalendar.ChinaStandardTime)));
        var staff = new StaffMember("赵敏", "市市场监督管理局");
        var submitted = await desk.SubmitRepairAsync(new RepairApplication(
            RequestRecordKind.BlackList, "JS-2025-000101", new Applicant("91320402MA1MRH4B88", "王强"), "13812345678", "已整改。", true));
        await desk.AcceptAsync(submitted.Number, 1, staff, "受理。");
        await desk.DecideRepairAsync(submitted.Number, 2, staff, approve: true, "同意修复。");

        var again = await _cli.RunAsync("import", "--file", ListFile);

        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("提示 1 条", again.Output, StringComparison.Ordinal);
        Assert.Contains($"记录 JS-2025-000101：已按信用修复 {submitted.Number} 停止公示", again.Output, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Repaired, (await new ListStore(store).FindAsync("JS-2025-000101"))!.Status);
    }
}
