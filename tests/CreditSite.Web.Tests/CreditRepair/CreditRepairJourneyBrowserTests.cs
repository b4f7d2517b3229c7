using System.Globalization;
using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using CreditSite.Web.Tests.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>Issue 14's journeys in headless Chromium against the real site on Kestrel, signed in through the real
/// local identity provider: a person with a penalty past its minimum publication period applies for repair with a PDF
/// proof of payment (scanned by a real clamd), the deciding department downloads the proof, accepts and approves
/// the request, and the record leaves search, the subject's page and the record's page within seconds and appears as
/// a removal in <c>GET /api/v1/records?changed_since=</c>; an objection puts 异议处理中 on the record until it is
/// decided; anyone checks a request by number and query code and sees its timeline.</summary>
public sealed class CreditRepairJourneyBrowserTests(CreditRepairJourneyBrowserTests.Site site)
    : IClassFixture<CreditRepairJourneyBrowserTests.Site>
{
    private const string Department = "市市场监督管理局";

    /// <summary>张伟 (the local provider's person) with two penalties of the department whose staff the provider has:
    /// one decided 200 days ago (past its minimum period), one to object to; attachments are scanned by a clamd of its
    /// own.</summary>
    public sealed class Site : KestrelReportsSite, IAsyncLifetime
    {
        public const string Repaired = "CF-P01";
        public const string Objected = "CF-P02";

        // Initialised before the base constructor starts the server, which reads it in ConfigureWebHost.
        private readonly ClamdServer _clamd = new();

        public DateTimeOffset Since { get; private set; }

        public string RepairedNumber { get; private set; } = string.Empty;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CreditRepair:ClamAv:SocketPath", _clamd.SocketPath);
        }

        public async Task InitializeAsync()
        {
            await _clamd.InitializeAsync();
            var today = CreditCalendar.Today(Clock);
            Since = Clock.GetUtcNow().AddSeconds(-1);
            PublicRecord Penalty(string id)
            {
                var penalty = Platforms.RecordsSite.PersonPenalty(id, DemoIdentities.BlackListedPersonId, DemoIdentities.BlackListedPerson.Name, today.AddDays(-200), today.AddDays(300));
                penalty.Department = Department;
                return penalty;
            }

            var repaired = Penalty(Repaired);
            RepairedNumber = repaired.DecisionNumber;
            var outcome = await Services.GetRequiredService<RecordStore>().WriteRecordsAsync(
                RecordKind.Penalty, [repaired, Penalty(Objected)], new ListWrite { Source = "penalties.csv" });
            await RecordSamples.IndexedAsync(Services, outcome.ChangeSeq);
        }

        async Task IAsyncLifetime.DisposeAsync() => await _clamd.DisposeAsync();
    }

    [Fact]
    public async Task APersonRepairsAPenaltyTheDepartmentApprovesAndItLeavesEveryPublicViewWithinSeconds()
    {
        var artifacts = HeadlessChromium.ArtifactsFolder();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var audits = new List<string>();
        var search = site.Url("/search?q=" + Uri.EscapeDataString(site.RepairedNumber));

        // Before: anyone finds the penalty.
        var anyone = await HeadlessChromium.NewPageAsync(browser);
        await anyone.GotoAsync(search);
        Assert.Contains(site.RepairedNumber, await anyone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await anyone.GotoAsync(site.Url($"/records/penalty/{Site.Repaired}"));
        var subjectPage = await anyone.GetByRole(AriaRole.Link, new() { NameRegex = new("的全部信用信息$") }).GetAttributeAsync("href");
        Assert.NotNull(subjectPage);

        // The person applies, on a phone.
        var person = await HeadlessChromium.NewPageAsync(browser, 360);
        await person.GotoAsync(site.Url("/my-records"));
        await ReportJourneyBrowserTests.SignInAsync(person, DemoIdentities.BlackListedPerson);
        await person.WaitForURLAsync("**/my-records");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(person));
        await person.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "my-records-360.png"), FullPage = true });
        // On a phone each record is a card: the repair link is on screen, not behind a sideways scroll.
        var repairLink = person.Locator($"a[href='/my-records/penalty/{Site.Repaired}/repair']");
        var box = await repairLink.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 360, $"申请信用修复 is off screen at {box?.X}");
        await repairLink.ClickAsync();
        await person.WaitForURLAsync($"**/my-records/penalty/{Site.Repaired}/repair");
        Assert.Contains("信用修复免费办理", await person.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await person.GetByLabel("整改情况", new() { Exact = false }).FillAsync("已按期缴清罚款，并完成整改。");
        await person.GetByLabel("联系电话", new() { Exact = false }).FillAsync("13912345678");
        await person.GetByLabel("我已阅读并接受《信用修复承诺书》", new() { Exact = false }).CheckAsync();
        await person.GetByLabel("履行义务的证明材料").SetInputFilesAsync(new FilePayload
        {
            Name = "罚款缴纳凭证.pdf", MimeType = "application/pdf", Buffer = AttachmentSamples.Pdf,
        });
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));
        await person.GetByRole(AriaRole.Button, new() { Name = "提交信用修复申请" }).ClickAsync();
        var number = (await person.Locator("#request-number").InnerTextAsync()).Trim();
        var code = (await person.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches("^XF[0-9]{8}[A-Z0-9]{8}$", number);
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(person));
        await person.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "repair-submitted-360.png"), FullPage = true });

        // The department accepts, then approves, each with a reason.
        var staff = await HeadlessChromium.NewPageAsync(browser);
        await staff.GotoAsync(site.Url("/desk"));
        await ReportJourneyBrowserTests.SignInAsync(staff, DemoIdentities.DepartmentStaff);
        await staff.WaitForURLAsync("**/desk");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(staff));
        await staff.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await staff.WaitForURLAsync($"**/desk/{number}");
        var proof = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "罚款缴纳凭证.pdf" }).ClickAsync());
        var saved = Path.Combine(artifacts, "repair-proof-downloaded-by-staff.pdf");
        await proof.SaveAsAsync(saved);
        Assert.Equal(AttachmentSamples.Pdf, await File.ReadAllBytesAsync(saved));
        await staff.GetByLabel("处理理由", new() { Exact = false }).FillAsync("材料齐全，予以受理。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "通过修复" }).WaitForAsync();
        await staff.GetByLabel("处理理由", new() { Exact = false }).FillAsync("已履行处罚决定，整改到位，同意修复。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "通过修复" }).ClickAsync();
        await staff.Locator("p.notice[role=status]").WaitForAsync();
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(staff));
        await staff.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "desk-approved.png"), FullPage = true });

        // Gone from search (the synchroniser re-indexes within seconds), from the subject's page and the record's page.
        await Eventually.UntilAsync(
            async () =>
            {
                await anyone.GotoAsync(search);
                return !(await anyone.Locator("main").InnerTextAsync()).Contains(site.RepairedNumber, StringComparison.Ordinal);
            },
            "the repaired penalty is still found by search");
        await anyone.GotoAsync(site.Url(subjectPage!));
        Assert.DoesNotContain(site.RepairedNumber, await anyone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var record = await anyone.GotoAsync(site.Url($"/records/penalty/{Site.Repaired}"));
        Assert.Equal(404, record!.Status);

        // A removal in the change feed.
        var since = Uri.EscapeDataString(site.Since.ToString("O", CultureInfo.InvariantCulture));
        var feed = await anyone.APIRequest.GetAsync(site.Url($"/api/v1/records?kind=penalty&changed_since={since}"));
        using var changes = JsonDocument.Parse(await feed.TextAsync());
        var last = changes.RootElement.GetProperty("changes").EnumerateArray()
            .Last(c => c.GetProperty("id").GetString() == Site.Repaired);
        Assert.Equal("removal", last.GetProperty("change").GetString());

        // The person sees it as repaired; anyone with the number and code sees the timeline.
        await person.GotoAsync(site.Url("/my-records"));
        Assert.Contains("已信用修复", await person.Locator($"main").InnerTextAsync(), StringComparison.Ordinal);
        var checker = await HeadlessChromium.NewPageAsync(browser, 360);
        await checker.GotoAsync(site.Url("/requests/status"));
        await checker.GetByLabel("受理编号").FillAsync(number);
        await checker.GetByLabel("查询码").FillAsync(code);
        await checker.Locator("main").GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await checker.WaitForURLAsync("**/requests/status?*");
        var timeline = await checker.Locator("main").InnerTextAsync();
        foreach (var step in new[] { "提交申请", "受理", "决定已生效" })
        {
            Assert.Contains(step, timeline, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("13912345678", timeline, StringComparison.Ordinal);
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(checker));
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(checker));
        await checker.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "request-status-360.png"), FullPage = true });

        Assert.True(audits.Count == 0, "axe 发现严重或关键的无障碍问题：\n" + string.Join("\n", audits));
    }

    [Fact]
    public async Task AnObjectionShowsUnderObjectionOnTheRecordUntilTheDepartmentKeepsIt()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var recordUrl = site.Url($"/records/penalty/{Site.Objected}");

        var person = await HeadlessChromium.NewPageAsync(browser);
        await person.GotoAsync(site.Url($"/my-records/penalty/{Site.Objected}/objection"));
        await ReportJourneyBrowserTests.SignInAsync(person, DemoIdentities.BlackListedPerson);
        await person.WaitForURLAsync($"**/my-records/penalty/{Site.Objected}/objection");
        await person.GetByLabel("有误的字段").SelectOptionAsync(new SelectOptionValue { Value = "facts" });
        await person.GetByLabel("错误理由及正确内容").FillAsync("违法事实与实际不符：当日未营业。");
        await person.GetByLabel("联系电话", new() { Exact = false }).FillAsync("0519-88776655");
        await person.GetByRole(AriaRole.Button, new() { Name = "提交异议申诉" }).ClickAsync();
        var number = (await person.Locator("#request-number").InnerTextAsync()).Trim();
        Assert.StartsWith("YY", number, StringComparison.Ordinal);

        var anyone = await HeadlessChromium.NewPageAsync(browser);
        await anyone.GotoAsync(recordUrl);
        Assert.Contains("异议处理中", await anyone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var staff = await HeadlessChromium.NewPageAsync(browser);
        await staff.GotoAsync(site.Url($"/desk/{number}"));
        await ReportJourneyBrowserTests.SignInAsync(staff, DemoIdentities.DepartmentStaff);
        await staff.WaitForURLAsync($"**/desk/{number}");
        await staff.GetByLabel("处理理由", new() { Exact = false }).FillAsync("材料齐全，予以受理。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "维持记录" }).WaitForAsync();
        await staff.GetByLabel("处理理由", new() { Exact = false }).FillAsync("经核查执法记录，违法事实属实，维持原记录。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "维持记录" }).ClickAsync();
        await staff.Locator("p.notice[role=status]").WaitForAsync();

        await anyone.GotoAsync(recordUrl);
        Assert.DoesNotContain("异议处理中", await anyone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
