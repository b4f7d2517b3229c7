using System.Net;
using CreditSite.Reports.Pdf;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The report site with its main PDF font configured at a path that is empty until a test puts the file there.</summary>
public sealed class MissingFontReportsSite : ReportsSite
{
    public string FontPath { get; } = Path.Combine(Path.GetTempPath(), "creditsite-font-" + Guid.NewGuid().ToString("N") + ".ttf");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:FontPath", FontPath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(FontPath);
    }
}

public sealed class ReportFontRecoveryTests(MissingFontReportsSite site) : IClassFixture<MissingFontReportsSite>
{
    [Fact]
    public async Task PdfDownloadWorksAsSoonAsTheMissingFontIsInstalledWithoutARestart()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var (_, page) = await site.PostFormAsync(person, "/reports", "Personal");
        var pdf = new Uri($"/reports/{Forms.ReportId(page)}/pdf", UriKind.Relative);

        var before = await person.GetAsync(pdf);
        File.Copy(ReportFont.DefaultPath, site.FontPath);
        var after = await person.GetAsync(pdf);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("缺少中文字体", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("application/pdf", after.Content.Headers.ContentType?.MediaType);
    }
}
