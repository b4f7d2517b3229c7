using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The special report journey in headless Chromium against the real site on Kestrel: the demo company's
/// representative signs in, requests a special report for three fields over two years, previews it, issues and
/// downloads the PDF (pdfsig validates its signature, pdftotext reads the conclusions, zbarimg decodes the QR code),
/// verifies it at /reports/verify (same SHA-256 as the file), shares it with a bank through a grant, and sees the
/// share and the accesses in the record.</summary>
public sealed class SpecialReportJourneyBrowserTests(KestrelReportsSite site) : IClassFixture<KestrelReportsSite>
{
    [Fact]
    public async Task RepresentativeRequestsDownloadsVerifiesAndSharesASpecialReport()
    {
        await site.SeedAsync();
        var artifacts = HeadlessChromium.ArtifactsFolder();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var audits = new List<string>();
        var today = CreditCalendar.Today(site.Clock);

        var page = await HeadlessChromium.NewPageAsync(browser);
        await page.GotoAsync(site.Url("/reports/special"));
        await ReportJourneyBrowserTests.SignInAsync(page, DemoIdentities.Representative);
        await page.WaitForURLAsync("**/reports/special");
        Assert.Contains("发改财金〔2025〕565号", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("公安机关", await page.ContentAsync(), StringComparison.Ordinal);
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        await page.GetByLabel("起始日期").FillAsync(today.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("全部领域").UncheckAsync();
        foreach (var field in new[] { "食品药品", "工程质量", "税务" })
        {
            await page.GetByLabel(field, new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "预览结论" }).ClickAsync();
        await page.Locator("#preview").WaitForAsync();
        Assert.Contains(site.Decisions.CompanyBlack, await page.ContentAsync(), StringComparison.Ordinal); // 工程质量
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "special-report-preview.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "出具专项信用报告" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/reports/special", StringComparison.Ordinal) && !url.Contains("handler", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 PDF 报告" }).ClickAsync());
        var pdf = Path.Combine(artifacts, "special-report.pdf");
        await download.SaveAsAsync(pdf);

        Assert.Contains("Signature is Valid", await PdfTools.RunAsync("pdfsig", pdf), StringComparison.Ordinal);
        var text = Regex.Replace(await PdfTools.RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-"), @"\s+", string.Empty);
        Assert.Contains("专项信用报告", text, StringComparison.Ordinal);
        Assert.Contains("工程质量：查询期间内发现", text, StringComparison.Ordinal);
        // This site holds list entries but no penalty was ever imported: the report concludes only from what it has.
        Assert.Contains("食品药品：查询期间内未发现严重失信主体名单记录（其他信息本平台尚未归集，未作查询）", text, StringComparison.Ordinal);
        Assert.Contains("行政处罚：本平台尚未归集，未作查询", text, StringComparison.Ordinal);
        await PdfTools.RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(artifacts, "special-report-page1"));
        var verifyUrl = (await PdfTools.RunAsync("zbarimg", "--raw", "-q", Path.Combine(artifacts, "special-report-page1.png"))).Trim();
        Assert.StartsWith(site.Url("/reports/verify?number="), verifyUrl, StringComparison.Ordinal);

        var anyone = await HeadlessChromium.NewPageAsync(browser);
        await anyone.GotoAsync(verifyUrl);
        Assert.Equal("核验通过：该报告由“信用常州”出具", await anyone.Locator("#verify-ok").InnerTextAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdf))), (await anyone.Locator(".pdf-sha256").InnerTextAsync()).Trim());
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(anyone));
        await anyone.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "special-report-verified.png"), FullPage = true });

        await page.GetByLabel("接收单位名称").FillAsync("演示银行常州分行");
        await page.GetByLabel("接收单位统一社会信用代码").FillAsync(CreditSite.Identifiers.UnifiedSocialCreditCode.Complete("91320400MA1BNK58").Value);
        await page.GetByLabel("用途", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "贷款审批" });
        await page.GetByRole(AriaRole.Button, new() { Name = "生成分享码" }).ClickAsync();
        Assert.Matches("^[0-9A-Z]{16}$", (await page.Locator(".share-code").InnerTextAsync()).Trim());
        Assert.Contains("演示银行常州分行", await page.Locator("ul.shares").InnerTextAsync(), StringComparison.Ordinal);
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        await page.GotoAsync(site.Url("/reports/access"));
        var rows = page.Locator("table.access-log tbody tr");
        Assert.True(await rows.Filter(new() { HasText = "下载 PDF" }).CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "special-report-access.png"), FullPage = true });

        Assert.True(audits.Count == 0, "axe 发现严重或关键的无障碍问题：\n" + string.Join("\n", audits));
    }
}
