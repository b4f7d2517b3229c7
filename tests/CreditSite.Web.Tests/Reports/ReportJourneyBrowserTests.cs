using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The report journey in headless Chromium against the real site on Kestrel, signing in through the real
/// local provider: a person requests their report and grants a company; the company's representative redeems the
/// grant and downloads the PDF; the PDF's QR code opens the verification page, which confirms it; the person sees
/// the access in their record. The PDF's first page is kept as a PNG artefact; every page on the way passes an axe
/// audit without serious or critical violations.</summary>
public sealed class ReportJourneyBrowserTests(KestrelReportsSite site) : IClassFixture<KestrelReportsSite>
{
    [Fact]
    public async Task PersonGrantsCompanyWhichDownloadsAVerifiablePdfAndThePersonSeesTheAccess()
    {
        await site.SeedAsync();
        var artifacts = HeadlessChromium.ArtifactsFolder();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        var audits = new List<string>();

        // The person: sign in, request the report, create a grant for the company.
        var person = await HeadlessChromium.NewPageAsync(browser);
        await person.GotoAsync(site.Url("/reports"));
        await person.WaitForURLAsync("**/local-idp/authorize?*");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));
        await SignInAsync(person, DemoIdentities.BlackListedPerson);
        await person.WaitForURLAsync("**/reports");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));
        await person.GetByRole(AriaRole.Button, new() { Name = "申请个人信用报告" }).ClickAsync();
        await person.WaitForURLAsync("**/reports/*");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));
        Assert.Contains(site.Decisions.PersonCourt, await person.ContentAsync(), StringComparison.Ordinal);
        await person.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "report-personal-page.png"), FullPage = true });

        await person.GotoAsync(site.Url("/reports/grants"));
        await person.GetByLabel("企业或其他组织（填写统一社会信用代码）").CheckAsync();
        await person.GetByLabel("被授权方名称").FillAsync(DemoIdentities.CompanyName);
        await person.GetByLabel("统一社会信用代码或居民身份证号码").FillAsync(DemoIdentities.CompanyUscc);
        await person.GetByLabel("用途", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "贷款审批" });
        await person.GetByLabel("有效期（天，最长 30 天）").FillAsync("7");
        await person.GetByLabel("仅限一次").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "创建授权" }).ClickAsync();
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));
        var code = (await person.Locator("#grant-code").InnerTextAsync()).Trim();
        var link = (await person.Locator("#grant-link").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{16}$", code);

        // The company's representative: follow the link, sign in, redeem, download the PDF.
        var company = await HeadlessChromium.NewPageAsync(browser);
        await company.GotoAsync(link);
        await SignInAsync(company, DemoIdentities.Representative);
        await company.WaitForURLAsync("**/reports/grants/redeem?code=*");
        await company.GetByRole(AriaRole.Button, new() { Name = "使用授权并查看报告" }).ClickAsync();
        await company.WaitForURLAsync("**/reports/*");
        Assert.Contains("您正依据 张伟 的授权", await company.ContentAsync(), StringComparison.Ordinal);
        var download = await company.RunAndWaitForDownloadAsync(() => company.GetByRole(AriaRole.Link, new() { Name = "下载 PDF 报告" }).ClickAsync());
        var pdf = Path.Combine(artifacts, "report-granted.pdf");
        await download.SaveAsAsync(pdf);

        await PdfTools.RunAsync("pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(artifacts, "report-granted-page1"));
        var png = Path.Combine(artifacts, "report-granted-page1.png");
        Assert.True(new FileInfo(png).Length > 20_000, "The rendered page should hold text and a QR code.");
        var text = await PdfTools.RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains("个人公共信用信息报告", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoIdentities.BlackListedPersonId, text, StringComparison.Ordinal);

        // Anyone: the QR code opens the verification page, which confirms the report.
        var verifyUrl = (await PdfTools.RunAsync("zbarimg", "--raw", "-q", png)).Trim();
        Assert.StartsWith(site.Url("/reports/verify?number="), verifyUrl, StringComparison.Ordinal);
        var anyone = await HeadlessChromium.NewPageAsync(browser);
        await anyone.GotoAsync(verifyUrl);
        Assert.Equal("核验通过：该报告由“信用常州”出具", await anyone.Locator("#verify-ok").InnerTextAsync());
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(anyone));
        await anyone.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "report-verified.png"), FullPage = true });

        // The person sees who looked.
        await person.GotoAsync(site.Url("/reports/access"));
        var rows = person.Locator("table.access-log tbody tr");
        Assert.Equal(2, await rows.Filter(new() { HasText = "王强（常州恒信建材有限公司）" }).CountAsync());
        Assert.Equal(1, await rows.Filter(new() { HasText = "下载 PDF" }).Filter(new() { HasText = "贷款审批" }).CountAsync());
        await person.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "report-access-record.png"), FullPage = true });
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(person));

        Assert.True(audits.Count == 0, "axe 发现严重或关键的无障碍问题：\n" + string.Join("\n", audits));
    }

    internal static async Task SignInAsync(IPage page, DemoIdentity identity)
    {
        await page.WaitForURLAsync("**/local-idp/authorize*");
        // The whole label, exactly: one identity's label may be part of another's (部门工作人员, 部门工作人员（住建）).
        await page.GetByLabel($"{identity.Label}：{identity.Description}", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "以所选身份登录" }).ClickAsync();
    }

}

/// <summary>The reports site on a real Kestrel socket; QR codes and grant links point at its real address.</summary>
public class KestrelReportsSite : ReportsSite
{
    private readonly int _port = FreePort.Next();

    public KestrelReportsSite()
    {
        UseKestrel(_port);
        StartServer();
    }

    protected override bool InMemory => false;

    protected override string PublicBaseUrl => $"http://127.0.0.1:{_port}";

    public string Url(string path) => PublicBaseUrl + path;
}
