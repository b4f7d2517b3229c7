using System.Text;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Reports;

/// <summary>After sign-ins, reports, a grant to a person typed in by ID number, redemption, downloads and the access
/// record: no full resident ID number in any page, PDF text, log line or table.</summary>
public sealed class ReportPrivacyTests(ReportsSite site) : IClassFixture<ReportsSite>
{
    private static readonly string[] FullIds = [DemoIdentities.BlackListedPersonId, DemoIdentities.CleanPersonId, DemoIdentities.RepresentativeId];

    [Fact]
    public async Task NoFullIdNumberInPagesPdfTextLogsOrTables()
    {
        await site.SeedAsync();
        var pdfTexts = new List<string>();
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, own) = await site.PostFormAsync(person, "/reports", "Personal");
        pdfTexts.Add(await PdfTools.ExtractTextAsync(await person.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(own)}/pdf", UriKind.Relative))));
        var (_, granted) = await site.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", "Person"), ("Form.GranteeName", "李娜"), ("Form.GranteeIdentifier", DemoIdentities.CleanPersonId),
            ("Form.Purpose", "Lease"), ("Form.Days", "3"), ("Form.SingleUse", "false"));
        var code = Forms.GrantCode(granted);
        var clean = await site.SignInAsync(DemoIdentities.CleanPerson);
        var (_, redeemed) = await site.PostFormAsync(clean, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        pdfTexts.Add(await PdfTools.ExtractTextAsync(await clean.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(redeemed)}/pdf", UriKind.Relative))));
        var company = await site.SignInAsync(DemoIdentities.Representative);
        var (_, companyReport) = await site.PostFormAsync(company, "/reports", "Enterprise");
        pdfTexts.Add(await PdfTools.ExtractTextAsync(await company.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(companyReport)}/pdf", UriKind.Relative))));
        foreach (var url in new[] { "/reports", "/reports/grants", "/reports/access" })
        {
            await site.GetPageAsync(person, url);
            await site.GetPageAsync(clean, url);
            await site.GetPageAsync(company, url);
        }

        var tables = await DumpTablesAsync();
        var databaseFile = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(site.DataPath, ReportsStore.SqliteFileName)));

        Assert.Contains("李娜（320411********", string.Concat(site.Pages), StringComparison.Ordinal);
        Assert.Contains("个人公共信用信息报告", pdfTexts[1], StringComparison.Ordinal);
        Assert.NotEmpty(site.Logs.Lines);
        foreach (var id in FullIds)
        {
            Assert.DoesNotContain(site.Pages, page => page.Contains(id, StringComparison.Ordinal));
            Assert.DoesNotContain(pdfTexts, text => text.Contains(id, StringComparison.Ordinal));
            Assert.DoesNotContain(site.Logs.Lines, line => line.Contains(id, StringComparison.Ordinal));
            Assert.DoesNotContain(id, tables, StringComparison.Ordinal);
            Assert.DoesNotContain(id, databaseFile, StringComparison.Ordinal);
        }
    }

    private async Task<string> DumpTablesAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        var all = new StringBuilder();
        foreach (var row in await db.Reports.AsNoTracking().ToListAsync())
        {
            all.AppendJoin('|', row.Id, row.Number, row.SubjectKey, row.SubjectName, row.Uscc, row.MaskedIdNumber, row.GrantId, row.ContentJson).AppendLine();
        }

        foreach (var row in await db.Grants.AsNoTracking().ToListAsync())
        {
            all.AppendJoin('|', row.Id, row.SubjectKey, row.SubjectName, row.SubjectMaskedIdNumber, row.GranteeKey, row.GranteeName, row.GranteeDisplayId, row.PurposeText).AppendLine();
        }

        foreach (var row in await db.AccessLog.AsNoTracking().ToListAsync())
        {
            all.AppendJoin('|', row.ReportId, row.SubjectKey, row.ViewerName, row.ViewerUscc, row.Purpose, row.GrantId).AppendLine();
        }

        Assert.Contains(ReportsSite.HashOf(DemoIdentities.CleanPersonId), all.ToString(), StringComparison.Ordinal);
        return all.ToString();
    }
}
