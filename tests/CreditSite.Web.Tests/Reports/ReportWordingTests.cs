using System.Net;
using CreditSite.Web.Features.LocalIdentityProvider;

namespace CreditSite.Web.Tests.Reports;

/// <summary>What a report says: each kind its own basis, each record its decision's summary alone.</summary>
public sealed class ReportWordingTests(ReportsSite site) : IClassFixture<ReportsSite>
{
    [Fact]
    public async Task AnEnterpriseReportStatesTheEnterpriseBasisOnThePageAndInThePdf()
    {
        await site.SeedAsync();
        var company = await site.SignInAsync(DemoIdentities.Representative);
        var (_, html) = await site.PostFormAsync(company, "/reports", "Enterprise");
        var pdf = await PdfTools.ExtractTextAsync(await company.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative)));

        foreach (var text in new[] { WebUtility.HtmlDecode(html), pdf.Replace("\n", string.Empty, StringComparison.Ordinal) })
        {
            Assert.Contains("企业公共信用信息报告仅向该企业", text, StringComparison.Ordinal);
            Assert.DoesNotContain("个人公共信用信息报告仅向", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APersonalReportStatesThePersonalBasis()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, html) = await site.PostFormAsync(person, "/reports", "Personal");

        Assert.Contains("个人公共信用信息报告仅向信息主体本人", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachRecordsSummaryIsTheDecisionSummaryAloneNotTheSearchBody()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, html) = await site.PostFormAsync(person, "/reports", "Personal");
        var page = WebUtility.HtmlDecode(html);

        Assert.Contains("<dt>摘要</dt><dd>有履行能力而拒不履行生效法律文书确定的义务。</dd>", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, site.Decisions.PersonCourt.Replace("（", "\\（", StringComparison.Ordinal).Replace("）", "\\）", StringComparison.Ordinal)));
    }
}
