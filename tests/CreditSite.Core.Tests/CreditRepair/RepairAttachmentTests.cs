using CreditSite.Core.Tests.Import;
using CreditSite.Core.Tests.Storage;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Import;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditSite.Core.Tests.CreditRepair;

/// <summary>Attachments on a repair request with a real clamd: a clean PDF is stored outside the web root under a
/// random name and opens for the applicant and the deciding department only; EICAR, a renamed executable, an 11 MB
/// file and a sixth file are refused with nothing stored (no request, no file).</summary>
public sealed class RepairAttachmentTests(ClamdServer clamd) : IClassFixture<ClamdServer>, IAsyncLifetime
{
    private static readonly byte[] Pdf = AttachmentSamples.Pdf;
    private static readonly Applicant Company = new(ImportFiles.Uscc, "王强");

    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private ImportFiles Files { get; } = new();
    private CreditStore? _store;

    private string VaultFolder => Path.Combine(Files.Folder, "attachments");

    private CreditRepairDesk Desk => new(_store!, ImportFiles.Catalogue(), WorkdayCalendar.WeekdaysOnly, Options.Create(new CreditRepairOptions()),
        ImportFiles.Clock(), new AttachmentVault(VaultFolder, clamd.Scanner));

    public async Task InitializeAsync()
    {
        _store = await _database.CreateAsync(Files.Folder);
        await _store.MigrateAsync();
        var result = await RecordRows.Importer(_store).ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("CF-1")));
        Assert.True(result.Accepted, result.Report.Describe());
    }

    public async Task DisposeAsync()
    {
        await _database.DropAsync();
        Files.Dispose();
    }

    private static RepairApplication Repair() => new(RecordKind.Penalty, "CF-1", Company, "13812345678", "已缴清罚款。", true);

    private static AttachmentUpload Upload(string name, byte[] content) => new(name, new MemoryStream(content));

    private async Task AssertNothingStoredAsync()
    {
        await using var context = _store!.CreateContext();
        Assert.Equal(0, await context.Set<RepairRequest>().CountAsync());
        Assert.Equal(0, await context.Set<RequestAttachment>().CountAsync());
        Assert.True(!Directory.Exists(VaultFolder) || Directory.GetFiles(VaultFolder).Length == 0);
    }

    [Fact]
    public async Task ACleanPdfIsStoredUnderARandomNameAndOpensForTheApplicantAndTheDepartmentOnly()
    {
        var submitted = await Desk.SubmitRepairAsync(Repair(), [Upload("../../缴款凭证.pdf.exe", Pdf)]);

        var request = await Desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey);
        var attachment = Assert.Single(request!.Attachments);
        Assert.Equal(("缴款凭证.pdf.pdf", "application/pdf"), (attachment.OriginalName, attachment.ContentType));
        Assert.Matches("^[0-9a-f]{32}$", attachment.StoredName);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(VaultFolder, attachment.StoredName)));

        var forApplicant = await Desk.OpenAttachmentAsync(submitted.Number, attachment.Id, Company.SubjectKey, null);
        var forDepartment = await Desk.OpenAttachmentAsync(submitted.Number, attachment.Id, null, "市市场监督管理局");
        Assert.NotNull(forApplicant);
        Assert.NotNull(forDepartment);
        await forApplicant.Value.Content.DisposeAsync();
        await forDepartment.Value.Content.DisposeAsync();
        Assert.Null(await Desk.OpenAttachmentAsync(submitted.Number, attachment.Id, ImportFiles.OtherUscc, null));
        Assert.Null(await Desk.OpenAttachmentAsync(submitted.Number, attachment.Id, null, "市交通运输局"));
    }

    [Fact]
    public async Task AFileCarryingTheEicarTestStringIsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() =>
            Desk.SubmitRepairAsync(Repair(), [Upload("ok.pdf", Pdf), Upload("eicar.pdf", AttachmentSamples.InfectedPdf)]));

        Assert.Equal(AttachmentRules.Infected("eicar.pdf"), refusal.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task MaterialSentAfterAReturnCarriesCheckedFilesAndARefusedFileKeepsNothing()
    {
        var desk = Desk;
        var submitted = await desk.SubmitRepairAsync(Repair());
        await desk.ReturnForMaterialAsync(submitted.Number, 1, new StaffMember("赵敏", "市市场监督管理局"), "请补充罚款缴纳凭证。");

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() =>
            desk.ResubmitAsync(submitted.Number, Company, "缴款凭证见附件。", [Upload("凭证.pdf", AttachmentSamples.InfectedPdf)]));
        Assert.Equal(AttachmentRules.Infected("凭证.pdf"), refusal.Message);
        var request = await desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey);
        Assert.Equal(RequestStatus.Returned, request!.Status);
        Assert.Empty(request.Attachments);
        Assert.True(!Directory.Exists(VaultFolder) || Directory.GetFiles(VaultFolder).Length == 0);

        await desk.ResubmitAsync(submitted.Number, Company, "缴款凭证见附件。", [Upload("凭证.pdf", Pdf)]);
        request = await desk.FindForApplicantAsync(submitted.Number, Company.SubjectKey);
        Assert.Equal(RequestStatus.Submitted, request!.Status);
        var attachment = Assert.Single(request.Attachments);
        Assert.Equal("凭证.pdf", attachment.OriginalName);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(VaultFolder, attachment.StoredName)));
    }

    [Fact]
    public async Task AnUnreachableScannerRefusesAndNothingIsStored()
    {
        var desk = new CreditRepairDesk(_store!, ImportFiles.Catalogue(), WorkdayCalendar.WeekdaysOnly, Options.Create(new CreditRepairOptions()),
            ImportFiles.Clock(), new AttachmentVault(VaultFolder, new ClamAvScanner(new ClamAvOptions { SocketPath = clamd.SocketPath + ".missing" })));

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => desk.SubmitRepairAsync(Repair(), [Upload("ok.pdf", Pdf)]));

        Assert.Equal(AttachmentRules.Unscannable, refusal.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ARenamedExecutableIsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(), [Upload("证明.pdf", AttachmentSamples.Executable)]));

        Assert.Equal(AttachmentRules.WrongType("证明.pdf"), refusal.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task An11MegabyteFileIsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() =>
            Desk.SubmitRepairAsync(Repair(), [Upload("big.pdf", AttachmentSamples.PdfOfMegabytes(11))]));

        Assert.Equal(AttachmentRules.TooLarge("big.pdf"), refusal.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ASixthFileIsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(),
            [.. Enumerable.Range(1, 6).Select(i => Upload($"{i}.pdf", Pdf))]));

        Assert.Equal(AttachmentRules.TooMany, refusal.Message);
        await AssertNothingStoredAsync();
    }
}
