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
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
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
        var infected = new byte[Pdf.Length + ClamdServer.Eicar.Length];
        Pdf.CopyTo(infected, 0);
        ClamdServer.Eicar.CopyTo(infected, Pdf.Length);

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(), [Upload("ok.pdf", Pdf), Upload("eicar.pdf", infected)]));

        Assert.Equal(AttachmentRules.Infected, refusal.Message);
        await AssertNothingStoredAsync();
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
        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(), [Upload("证明.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03])]));

        Assert.Equal(AttachmentRules.WrongType, refusal.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task An11MegabyteFileIsRefusedAndNothingIsStored()
    {
        var big = new byte[11 * 1024 * 1024];
        Pdf.CopyTo(big, 0);

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => Desk.SubmitRepairAsync(Repair(), [Upload("big.pdf", big)]));

        Assert.Equal(AttachmentRules.TooLarge, refusal.Message);
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
