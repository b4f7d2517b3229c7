using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Reports.Special;
using CreditSite.Reports.Storage;
using CreditSite.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The special credit report (专项信用报告): built from the store for the chosen period and fields, signed (pdfsig
/// validates it, one changed byte breaks it), verifiable with its conclusions and SHA-256, shareable through a grant.</summary>
public sealed partial class SpecialReportTests(SpecialReportTests.Site site) : IClassFixture<SpecialReportTests.Site>
{
    private static readonly string[] ThreeFields = ["食品药品", "工程质量", "税务"];

    public sealed class Site : ReportsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await SeedAsync();
            var today = CreditCalendar.Today(Clock);
            var company = DemoIdentities.CompanyUscc;
            var name = DemoIdentities.CompanyName;
            var records = Services.GetRequiredService<RecordStore>();
            var simplified = RecordsSite.Penalty("CF-S04", company, name, today.AddDays(-100), today.AddDays(-10));
            simplified.Field = "税务";
            simplified.SimplifiedProcedure = true;
            simplified.Unpublished = true;
            var noField = RecordsSite.Penalty("CF-S03", company, name, today.AddDays(-200), today.AddDays(100));
            noField.Field = null;
            await records.WriteRecordsAsync(RecordKind.Penalty,
            [
                RecordsSite.Penalty("CF-S01", company, name, today.AddDays(-45), today.AddDays(300)),
                RecordsSite.Penalty("CF-S02", company, name, today.AddDays(-50), today.AddDays(300), RecordStatus.Repaired),
                noField,
                simplified,
                RecordsSite.Penalty("CF-S05", company, name, today.AddYears(-3), today.AddYears(-2)), // before a 2-year period
            ], new ListWrite { Source = "penalties.csv" });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static (string, string)[] Request(string from, string to, IEnumerable<string> fields, string? uscc = null) =>
    [
        ("Subject", "company"), ("Uscc", uscc ?? DemoIdentities.CompanyUscc), ("From", from), ("To", to),
        .. fields.Select(f => ("Fields", f)),
    ];

    private string Day(int daysFromToday) =>
        CreditCalendar.Today(site.Clock).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string YearsBack(int years) =>
        CreditCalendar.Today(site.Clock).AddYears(-years).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ThePreviewShowsOneConclusionPerFieldFromTheStore()
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);

        var (response, html) = await site.PostFormAsync(client, "/reports/special", "Preview", Request(YearsBack(2), Day(0), ThreeFields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("预览：各领域结论", html, StringComparison.Ordinal);
        Assert.Contains("CF-S01号", html, StringComparison.Ordinal); // 食品药品
        Assert.Contains(site.Decisions.CompanyBlack, html, StringComparison.Ordinal); // 工程质量, black list
        Assert.Contains("CF-S04号", html, StringComparison.Ordinal); // 税务, simplified procedure: never public, still reported
        Assert.Contains("（简易程序）", html, StringComparison.Ordinal);
        Assert.Contains("CF-S03号", html, StringComparison.Ordinal); // no field: shown whatever was chosen
        Assert.DoesNotContain("CF-S02", html, StringComparison.Ordinal); // repaired: left out by the catalogue's rule
        Assert.DoesNotContain("CF-S05", html, StringComparison.Ordinal); // before the period
        Assert.DoesNotContain(site.Decisions.CompanyRed, html, StringComparison.Ordinal); // an honour is not a violation
        Assert.Contains("行政强制：本平台尚未归集", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIssuedReportIsASignedPdfThatPdfsigValidatesAndOneChangedByteBreaks()
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);
        var (_, html) = await site.PostFormAsync(client, "/reports/special", "Issue", Request(YearsBack(2), Day(0), ThreeFields));
        var pdf = await client.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative));
        var path = await PdfTools.WriteTempAsync(pdf);
        var tampered = path + ".tampered.pdf";
        try
        {
            var valid = await PdfTools.RunAsync("pdfsig", path);
            Assert.Contains("Signature is Valid", valid, StringComparison.Ordinal);
            Assert.Contains("开发用", valid, StringComparison.Ordinal); // the development certificate says what it is

            // One byte inside the signed range (the first page's content), not in the signature itself.
            var changed = (byte[])pdf.Clone();
            var at = Array.IndexOf(changed, (byte)'s', pdf.Length / 3);
            changed[at] = (byte)'t';
            await File.WriteAllBytesAsync(tampered, changed);
            string broken;
            try
            {
                broken = await PdfTools.RunAsync("pdfsig", tampered);
            }
            catch (InvalidOperationException e)
            {
                broken = e.Message;
            }

            Assert.DoesNotContain("Signature is Valid", broken, StringComparison.Ordinal);

            var text = Regex.Replace(await PdfTools.ExtractTextAsync(pdf), @"\s+", string.Empty);
            Assert.Contains("专项信用报告", text, StringComparison.Ordinal);
            Assert.Contains("食品药品：查询期间内发现", text, StringComparison.Ordinal);
            Assert.Contains("CF-S01号", text, StringComparison.Ordinal);
            Assert.Contains("数据截止时间", text, StringComparison.Ordinal);
            Assert.Contains("行政强制", text, StringComparison.Ordinal);

            // The download is the stored file: the same bytes every time.
            Assert.Equal(pdf, await client.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative)));
        }
        finally
        {
            File.Delete(path);
            File.Delete(tampered);
        }
    }

    [Fact]
    public async Task VerificationShowsTheConclusionsAndTheSha256OfTheFileAndMentionsANewerReport()
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);
        string[] fields = ["食品药品"];
        var (_, first) = await site.PostFormAsync(client, "/reports/special", "Issue", Request(YearsBack(1), Day(0), fields));
        var pdf = await client.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(first)}/pdf", UriKind.Relative));
        var (number, code) = (NumberOf(first), CodeOf(first));

        var png = await PdfTools.WriteTempAsync(pdf);
        string qr;
        try
        {
            await PdfTools.RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", png, png);
            qr = (await PdfTools.RunAsync("zbarimg", "--raw", "-q", png + ".png")).Trim();
        }
        finally
        {
            File.Delete(png);
            File.Delete(png + ".png");
        }

        var anonymous = site.CreateClient();
        var (response, html) = await site.GetPageAsync(anonymous, new Uri(qr).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("核验通过", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), html, StringComparison.Ordinal);
        Assert.Contains("CF-S01号", html, StringComparison.Ordinal);
        Assert.DoesNotContain("新报告", html, StringComparison.Ordinal);

        var (from, to) = (YearsBack(1), Day(0));
        site.Clock.Advance(TimeSpan.FromSeconds(1)); // a later issue time; the scope stays the one asked for
        await site.PostFormAsync(client, "/reports/special", "Issue", Request(from, to, fields));
        var (_, later) = await site.GetPageAsync(anonymous, $"/reports/verify?number={number}&code={code}");
        Assert.Contains("核验通过", later, StringComparison.Ordinal);
        Assert.Contains("查询范围相同的新报告", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACleanSubjectGetsACleanReportNamingWhatWasChecked()
    {
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var (_, html) = await site.PostFormAsync(person, "/reports/special", "Issue",
            ("Subject", "person"), ("From", YearsBack(3)), ("To", Day(0)), ("AllFields", "true"));
        var text = Regex.Replace(await PdfTools.ExtractTextAsync(
            await person.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative))), @"\s+", string.Empty);

        var page = Regex.Replace(html, "<[^>]+>", string.Empty);
        var catalogue = site.Services.GetRequiredService<CreditCatalogue>();
        foreach (var field in catalogue.Fields)
        {
            Assert.Contains($"{field}：{SpecialReportContent.CleanConclusion}", page, StringComparison.Ordinal);
        }

        Assert.Contains($"食品药品：{SpecialReportContent.CleanConclusion}", text, StringComparison.Ordinal);
        Assert.Contains("行政处罚已查询，数据截止时间", text.Replace("：", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("严重失信主体名单已查询", text.Replace("：", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("行政强制：本平台尚未归集行政强制信息", text, StringComparison.Ordinal);
        Assert.Contains("无犯罪记录证明由公安机关出具", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("future", "查询期间不能包含未来的日期")]
    [InlineData("six-years", "查询期间最长为近 5 年")]
    [InlineData("no-field", "请至少选择一个领域")]
    [InlineData("unknown-field", "不是公共信用信息目录中的领域")]
    [InlineData("other-uscc", "只能为本单位申请专项信用报告")]
    public async Task BadInputGetsAChineseMessageAndNoReport(string kind, string message)
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);
        var request = kind switch
        {
            "future" => Request(YearsBack(1), Day(3), ThreeFields),
            "six-years" => Request(YearsBack(6), Day(0), ThreeFields),
            "no-field" => Request(YearsBack(1), Day(0), []),
            "unknown-field" => Request(YearsBack(1), Day(0), ["不存在的领域"]),
            _ => Request(YearsBack(1), Day(0), ThreeFields, uscc: OtherUscc),
        };
        var before = await CountReportsAsync();

        var (response, html) = await site.PostFormAsync(client, "/reports/special", "Issue", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task ASharedReportOpensForTheNamedCompanyAndEachAccessIsVisibleToTheSubject()
    {
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var (_, issued) = await site.PostFormAsync(person, "/reports/special", "Issue",
            ("Subject", "person"), ("From", YearsBack(2)), ("To", Day(0)), ("Fields", "金融"));
        var id = Forms.ReportId(issued);
        var (shareResponse, shared) = await site.PostFormAsync(person, $"/reports/{id}", "Share",
            ("granteeName", DemoIdentities.CompanyName), ("granteeUscc", DemoIdentities.CompanyUscc), ("purpose", "LoanApproval"), ("days", "7"));
        Assert.Equal(HttpStatusCode.OK, shareResponse.StatusCode);
        var code = ShareCode().Match(shared).Groups[1].Value;

        var company = await site.SignInAsync(DemoIdentities.Representative);
        var (before, _) = await site.GetPageAsync(company, $"/reports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode); // nothing opens before the code is used
        var (_, opened) = await site.PostFormAsync(company, $"/reports/grants/redeem?code={code}", null, ("Code", code));
        Assert.Contains("依据", opened, StringComparison.Ordinal);
        Assert.Contains($"金融：{SpecialReportContent.CleanConclusion}", Regex.Replace(opened, "<[^>]+>", string.Empty), StringComparison.Ordinal);
        await company.GetByteArrayAsync(new Uri($"/reports/{id}/pdf", UriKind.Relative));

        var (_, access) = await site.GetPageAsync(person, "/reports/access");
        Assert.Contains(DemoIdentities.CompanyName, access, StringComparison.Ordinal);
        Assert.Contains("贷款审批", access, StringComparison.Ordinal);
    }

    private static readonly string OtherUscc = CreditSite.Identifiers.UnifiedSocialCreditCode.Complete("91320402MA1DEN58").Value;

    private async Task<int> CountReportsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportsDbContext>().Reports.CountAsync();
    }

    private static string NumberOf(string html) => ReportNumber().Match(html).Groups[1].Value;

    private static string CodeOf(string html) => VerificationCode().Match(html).Groups[1].Value;

    [GeneratedRegex(@"<dt>报告编号</dt><dd>(\d{14}[0-9A-Z]{8})</dd>")]
    private static partial Regex ReportNumber();

    [GeneratedRegex(@"<dt>核验码</dt><dd><code>([0-9A-Z]+)</code></dd>")]
    private static partial Regex VerificationCode();

    [GeneratedRegex(@"<code class=""share-code"">([A-Z0-9]+)</code>")]
    private static partial Regex ShareCode();
}
