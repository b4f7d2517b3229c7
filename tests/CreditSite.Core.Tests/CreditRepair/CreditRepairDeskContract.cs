using CreditSite.Core.Tests.Import;
using CreditSite.Core.Tests.Storage;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Import;
using CreditSite.Platforms;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Core.Tests.CreditRepair;

/// <summary>The credit-repair desk against each store (SQLite file, PostgreSQL database): requests, refusals that store
/// nothing, decisions and what they do to the record, its change feed and a later import, the audit log.</summary>
public abstract partial class CreditRepairDeskContract : IAsyncLifetime
{
    private const string Department = "市市场监督管理局";
    private static readonly StaffMember Staff = new("赵敏", Department);
    private static readonly StaffMember OtherStaff = new("钱伟", "市交通运输局");
    private static readonly Applicant Company = new(ImportFiles.Uscc, "王强");

    private readonly TestDatabase _database;
    private CreditStore? _store;

    protected CreditRepairDeskContract(TestDatabase database) => _database = database;

    private ImportFiles Files { get; } = new();

    private FakeTimeProvider Clock { get; } = ImportFiles.Clock();

    private CreditStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    private CreditRepairDesk Desk => new(Store, ImportFiles.Catalogue(), WorkdayCalendar.WeekdaysOnly,
        Options.Create(new CreditRepairOptions { AcceptanceWorkingDays = 3, RepairDecisionWorkingDays = 5 }), Clock);

    public async Task InitializeAsync()
    {
        _store = await _database.CreateAsync(Files.Folder);
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DropAsync();
        Files.Dispose();
    }

    private async Task<ImportResult> ImportPenaltiesAsync(params Dictionary<string, string>[] rows)
    {
        var result = await RecordRows.Importer(Store, Clock).ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, rows));
        Assert.True(result.Accepted, result.Report.Describe());
        return result;
    }

    private static RepairApplication Repair(string recordId = "CF-1", Applicant? applicant = null, string phone = "13812345678",
        string rectification = "已缴清罚款，销毁过期食品，建立进货查验制度。", bool commitment = true) =>
        new(RecordKind.Penalty, recordId, applicant ?? Company, phone, rectification, commitment);

    private async Task<int> StoredRequestsAsync()
    {
        await using var context = Store.CreateContext();
        return await context.Set<RepairRequest>().CountAsync() + await context.Set<AuditEntry>().CountAsync();
    }

    [Fact]
    public async Task ApprovedRepairWithdrawsTheRecordWithoutDeletingItAndTheFeedReportsARemoval()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var since = Clock.GetUtcNow().AddMinutes(-1);
        var submitted = await Desk.SubmitRepairAsync(Repair());
        await Desk.AcceptAsync(submitted.Number, 1, Staff, "材料齐全，予以受理。");
        await Desk.DecideRepairAsync(submitted.Number, 2, Staff, approve: true, "已履行处罚决定，整改到位。");

        var record = await new RecordStore(Store).FindAsync(RecordKind.Penalty, "CF-1");
        Assert.NotNull(record);
        Assert.Equal(RecordStatus.Repaired, record.Status);
        Assert.False(record.IsPublicOn(Desk.Today));
        var page = await new RecordChangeFeed(new RecordStore(Store), Clock).ReadAsync(RecordChangePosition.Since(RecordKind.Penalty, since), 50);
        Assert.Equal(RecordChangeType.Removal, Assert.Single(page.Changes, c => c.RecordId == "CF-1").Type);

        var commitment = await new RecordStore(Store).FindAsync(RecordKind.Commitment, "XF-" + submitted.Number);
        Assert.Equal(RepairCommitment.CommitmentType, commitment?.Category);
        Assert.True(commitment!.IsPublicOn(Desk.Today));

        var request = await Desk.FindByQueryCodeAsync(submitted.Number, submitted.QueryCode);
        Assert.Equal([RequestStep.Submitted, RequestStep.Accepted, RequestStep.Approved, RequestStep.Applied], request!.Events.Select(e => e.Step));
        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal(["submit", "accept", "approve"], (await Desk.AuditOfAsync(submitted.Number)).Select(a => a.Action));
    }

    [Fact]
    public async Task ALaterImportDoesNotBringARepairedRecordBackAndWarns()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"), RecordRows.Penalty("CF-9"));
        var submitted = await Desk.SubmitRepairAsync(Repair());
        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        await Desk.DecideRepairAsync(submitted.Number, 2, Staff, approve: true, "通过。");

        var again = await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"), RecordRows.Penalty("CF-9"));

        Assert.Equal(RecordStatus.Repaired, (await new RecordStore(Store).FindAsync(RecordKind.Penalty, "CF-1"))!.Status);
        Assert.Equal(RecordStatus.Active, (await new RecordStore(Store).FindAsync(RecordKind.Penalty, "CF-9"))!.Status);
        var warning = Assert.Single(again.Report.Warnings);
        Assert.Contains("CF-1", warning, StringComparison.Ordinal);
        Assert.Contains(submitted.Number, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpenObjectionMarksTheRecordUntilDecidedAndACorrectionKeepsOldAndNewValues()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitObjectionAsync(new ObjectionApplication(
            RecordKind.Penalty, "CF-1", Company, "0519-88776655", "decision_number", "文书号应为常市监罚〔2025〕132号。"));
        var records = new RecordStore(Store);
        var marked = await records.FindAsync(RecordKind.Penalty, "CF-1");
        Assert.Equal(RecordStatus.UnderObjection, marked!.Status);
        Assert.True(marked.IsPublicOn(Desk.Today));
        Assert.Equal("异议处理中", marked.Status.Label(RecordKind.Penalty));

        var reimport = await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        Assert.Equal(RecordStatus.UnderObjection, (await records.FindAsync(RecordKind.Penalty, "CF-1"))!.Status);
        Assert.Single(reimport.Report.Warnings);

        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        await Desk.DecideObjectionAsync(submitted.Number, 2, Staff, ObjectionOutcome.Correct, "核实文书号录入有误。", "常市监罚〔2025〕132号");

        var corrected = await records.FindAsync(RecordKind.Penalty, "CF-1");
        Assert.Equal((RecordStatus.Active, "常市监罚〔2025〕132号"), (corrected!.Status, corrected.DecisionNumber));
        var correction = Assert.Single(await Desk.CorrectionsOfAsync(RequestRecordKind.Penalty, "CF-1"));
        Assert.Equal(("常市监罚〔2025〕123号", "常市监罚〔2025〕132号"), (correction.OldValue, correction.NewValue));

        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        Assert.Equal("常市监罚〔2025〕132号", (await records.FindAsync(RecordKind.Penalty, "CF-1"))!.DecisionNumber);
    }

    [Fact]
    public async Task AnObjectionKeptGivesTheRecordBackItsStatus()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitObjectionAsync(new ObjectionApplication(RecordKind.Penalty, "CF-1", Company, "13812345678", "facts", "事实有误。"));
        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");
        await Desk.DecideObjectionAsync(submitted.Number, 2, Staff, ObjectionOutcome.Keep, "经核实，记录无误。");

        Assert.Equal(RecordStatus.Active, (await new RecordStore(Store).FindAsync(RecordKind.Penalty, "CF-1"))!.Status);
        Assert.Equal(RequestStatus.Rejected, (await Desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey))!.Status);
    }

    [Fact]
    public async Task RepairBeforeTheMinimumPeriodIsRefusedAndNothingIsStored()
    {
        var serious = ImportFiles.With(ImportFiles.With(RecordRows.Penalty("CF-1"), "severity", "serious"), "public_until", "");
        await ImportPenaltiesAsync(serious);

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair()));

        Assert.Contains("2026年3月1日", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRequestsAsync());
    }

    [Theory]
    [InlineData("1381234", "请填写有效的联系电话")]
    [InlineData("", "请填写有效的联系电话")]
    public async Task ABadPhoneIsRefused(string phone, string message)
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(phone: phone)));
        Assert.StartsWith(message, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRequestsAsync());
    }

    [Fact]
    public async Task RepairWithoutTheCommitmentOrRectificationIsRefused()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        Assert.Contains("信用修复承诺书", (await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(commitment: false)))).Message, StringComparison.Ordinal);
        Assert.Contains("整改情况", (await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(rectification: "  ")))).Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRequestsAsync());
    }

    [Fact]
    public async Task AnotherSubjectsRecordIsRefusedAsNotFound()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var stranger = new Applicant(ImportFiles.OtherUscc, "李四");

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(applicant: stranger)));

        Assert.True(refusal.IsNotFound);
        Assert.Contains("不属于您", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRequestsAsync());
    }

    [Fact]
    public async Task AnotherDepartmentsStaffNeitherSeeNorActOnARequest()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitRepairAsync(Repair());

        Assert.Null(await Desk.FindForDepartmentAsync(submitted.Number, OtherStaff.Department));
        Assert.Empty(await Desk.QueueAsync(OtherStaff.Department));
        Assert.True((await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.AcceptAsync(submitted.Number, 1, OtherStaff, "受理。"))).IsNotFound);
        Assert.Single(await Desk.QueueAsync(Department));
        Assert.Equal(RequestStatus.Submitted, (await Desk.FindForDepartmentAsync(submitted.Number, Department))!.Status);
    }

    [Fact]
    public async Task TheSecondOfTwoStaffActingOnOneVersionIsToldItWasHandled()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitRepairAsync(Repair());
        await Desk.AcceptAsync(submitted.Number, 1, Staff, "受理。");

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.ReturnForMaterialAsync(submitted.Number, 1, Staff with { Name = "孙丽" }, "请补充缴款凭证。"));

        Assert.True(refusal.IsConflict);
        Assert.Contains("已被其他工作人员处理", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Accepted, (await Desk.FindForDepartmentAsync(submitted.Number, Department))!.Status);
        Assert.Equal(2, (await Desk.AuditOfAsync(submitted.Number)).Count);
    }

    [Fact]
    public async Task ADecisionWithoutAReasonIsRefusedAndChangesNothing()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitRepairAsync(Repair());

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.AcceptAsync(submitted.Number, 1, Staff, "   "));

        Assert.Contains("请填写处理理由", refusal.Message, StringComparison.Ordinal);
        var request = await Desk.FindForDepartmentAsync(submitted.Number, Department);
        Assert.Equal((RequestStatus.Submitted, 1L), (request!.Status, request.Version));
        Assert.Single(await Desk.AuditOfAsync(submitted.Number));
    }

    [Fact]
    public async Task AWrongCodeAndAnUnknownNumberGetTheSameAnswer()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        var submitted = await Desk.SubmitRepairAsync(Repair());

        Assert.Null(await Desk.FindByQueryCodeAsync(submitted.Number, "WRONGCOD"));
        Assert.Null(await Desk.FindByQueryCodeAsync("XF20250630AAAAAAAA", submitted.QueryCode));
        Assert.NotNull(await Desk.FindByQueryCodeAsync(submitted.Number.ToLowerInvariant(), " " + submitted.QueryCode.ToLowerInvariant()));
        await using var context = Store.CreateContext();
        Assert.DoesNotContain(submitted.QueryCode, (await context.Set<RepairRequest>().SingleAsync()).QueryCodeHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturningForMaterialPausesTheClockAndResubmittingResumesIt()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        // Monday 2025-06-30: acceptance due Thursday 07-03.
        var submitted = await Desk.SubmitRepairAsync(Repair());
        var request = await Desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey);
        Assert.Equal(new DateOnly(2025, 7, 3), request!.DueOn);
        Assert.Equal(3, Desk.WorkingDaysLeft(request));

        Clock.Advance(TimeSpan.FromDays(1));
        await Desk.ReturnForMaterialAsync(submitted.Number, 1, Staff, "请补充罚款缴纳凭证。");
        request = await Desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey);
        Assert.Equal((RequestStatus.Returned, (DateOnly?)null, 2), (request!.Status, request.DueOn, Desk.WorkingDaysLeft(request)));

        // Two weeks later the material arrives: the two working days left run from then (Monday 07-14 → Wednesday 07-16).
        Clock.Advance(TimeSpan.FromDays(13));
        await Desk.ResubmitAsync(submitted.Number, Company, "已上传缴款凭证。");
        request = await Desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey);
        Assert.Equal((RequestStatus.Submitted, (DateOnly?)new DateOnly(2025, 7, 16)), (request!.Status, request.DueOn));
        Assert.False(Desk.IsOverdue(request));

        Clock.Advance(TimeSpan.FromDays(3));
        Assert.True(Desk.IsOverdue((await Desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey))!));
        Assert.Equal(new DepartmentOverdue(Department, 1, 1), Assert.Single(await Desk.OverdueByDepartmentAsync()));
    }

    [Fact]
    public async Task ASecondRequestOnARecordWithAnOpenOneIsRefused()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        await Desk.SubmitRepairAsync(Repair());

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair()));

        Assert.Contains("正在处理中", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditLogRefusesUpdatesAndDeletes()
    {
        await ImportPenaltiesAsync(RecordRows.Penalty("CF-1"));
        await Desk.SubmitRepairAsync(Repair());
        await using var context = Store.CreateContext();

        await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("UPDATE repair_audit_log SET actor = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("DELETE FROM repair_audit_log"));
        Assert.Single(await context.Set<AuditEntry>().ToListAsync());
    }
}

public sealed class SqliteCreditRepairDeskTests() : CreditRepairDeskContract(TestDatabase.Sqlite());

public sealed class PostgresCreditRepairDeskTests() : CreditRepairDeskContract(TestDatabase.Postgres());
