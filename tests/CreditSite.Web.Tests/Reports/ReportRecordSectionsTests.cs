using System.Net;
using CreditSite.Domain;
using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Platforms;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Reports;

/// <summary>Reports carry 基础信息 from the registry, 行政许可, 行政处罚 and 信用承诺 — what is public on the day — on
/// the page and in the PDF, in the national order; a report issued before these sections opens as it was issued.</summary>
public sealed class ReportRecordSectionsTests(ReportRecordSectionsTests.Site site) : IClassFixture<ReportRecordSectionsTests.Site>
{
    private const string FormerName = "常州演示旧名机械有限公司";

    private static readonly string[] NationalOrder =
        ["一、基础信息", "二、行政许可", "三、行政处罚", "四、守信激励", "五、严重失信主体名单", "六、信用承诺", "七、其他"];

    public sealed class Site : ReportsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await SeedAsync();
            var today = CreditCalendar.Today(Clock);
            var company = DemoIdentities.CompanyUscc;
            var name = DemoIdentities.CompanyName;
            var records = Services.GetRequiredService<RecordStore>();
            await records.WriteSubjectsAsync([RecordsSite.Registration(company, name, FormerName)], new ListWrite { Source = "subjects.csv" });
            await records.WriteRecordsAsync(RecordKind.Licence,
                [RecordsSite.Licence("XK-R01", company, name, today.AddDays(-40), today.AddYears(2))], new ListWrite { Source = "licences.csv" });
            await records.WriteRecordsAsync(RecordKind.Commitment,
                [RecordsSite.Commitment("CN-R01", company, name, today.AddDays(-15), today.AddYears(1))], new ListWrite { Source = "commitments.csv" });
            var personPenalty = RecordsSite.PersonPenalty("CF-R03", DemoIdentities.BlackListedPersonId, "张伟", today.AddDays(-6), today.AddDays(150));
            personPenalty.ResidentIdHash = HashOf(DemoIdentities.BlackListedPersonId);
            await records.WriteRecordsAsync(RecordKind.Penalty,
            [
                RecordsSite.Penalty("CF-R01", company, name, today.AddDays(-25), today.AddDays(300), RecordStatus.UnderObjection),
                RecordsSite.Penalty("CF-R02", company, name, today.AddDays(-35), today.AddDays(300), RecordStatus.Repaired),
                personPenalty,
            ], new ListWrite { Source = "penalties.csv" });

            // The site's synchroniser indexes them; wait until the last write is searchable.
            await Eventually.UntilAsync(
                async () => (await Engine.SearchAsync(new SearchRequest
                {
                    Identifier = new IdentifierFilter(null, personPenalty.ResidentIdHash),
                    Types = [DocumentType.Penalty],
                    Today = today,
                    WithFacets = false,
                })).Total > 0,
                "the penalties were never indexed");
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task AnEnterpriseReportShowsRegistryLicencesPenaltiesAndCommitmentsOnThePageAndInThePdf()
    {
        var company = await site.SignInAsync(DemoIdentities.Representative);
        var (_, html) = await site.PostFormAsync(company, "/reports", "Enterprise");
        var pdf = Squash(await PdfTools.ExtractTextAsync(await company.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative))));
        var page = Article(WebUtility.HtmlDecode(html));

        foreach (var (text, where) in new[] { (page, "page"), (pdf, "PDF") })
        {
            var order = NationalOrder.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
            Assert.True(!order.Contains(-1) && order.SequenceEqual(order.Order()), $"{where}: sections {string.Join(" ", order)}");
            Assert.Contains(FormerName, text, StringComparison.Ordinal);
            Assert.Contains("常州市天宁区市场监督管理局", text, StringComparison.Ordinal); // 登记机关
            Assert.Contains("XK-R01号", text, StringComparison.Ordinal);
            Assert.Contains("准予食品经营许可：预包装食品销售。", text, StringComparison.Ordinal);
            Assert.Contains("CF-R01号", text, StringComparison.Ordinal);
            Assert.Contains("罚款、没收违法所得", text, StringComparison.Ordinal);
            Assert.Contains("证明事项告知承诺", text, StringComparison.Ordinal);
            Assert.DoesNotContain("CF-R02", text, StringComparison.Ordinal); // repaired: out of public view
            Assert.Contains("行政许可 1 条；行政处罚 1 条", text, StringComparison.Ordinal);
        }

        Assert.Contains("【行政处罚】罚款、没收违法所得", pdf, StringComparison.Ordinal);
        Assert.Contains("【异议处理中】", pdf, StringComparison.Ordinal);
        Assert.Contains("<dt>处罚决定书文号</dt>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonalReportShowsThePersonsPenaltyWithTheMaskedNumberOnly()
    {
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, html) = await site.PostFormAsync(person, "/reports", "Personal");
        var pdf = Squash(await PdfTools.ExtractTextAsync(await person.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative))));

        foreach (var text in new[] { Article(WebUtility.HtmlDecode(html)), pdf })
        {
            Assert.Contains("三、行政处罚", text, StringComparison.Ordinal);
            Assert.Contains("CF-R03号", text, StringComparison.Ordinal);
            Assert.Contains("常州市公安局", text, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoIdentities.BlackListedPersonId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("CF-R01", text, StringComparison.Ordinal); // the company's, not the person's
        }
    }

    [Fact]
    public async Task AReportIssuedBeforeTheRecordSectionsOpensAsItWasIssued()
    {
        // Content frozen by the earlier version of the site: no registry, licences or penalties.
        const string OldContent = """
            {"Kind":"Enterprise","SubjectName":"常州演示机械有限公司","Uscc":"USCC","MaskedIdNumber":null,"AsOf":"2026-01-05",
             "Honours":[{"Title":"红名单记录","ListKind":"Red","IsRoleModel":false,"Category":null,"Field":"诚信典型","IssuingDepartment":"市市场监督管理局",
               "DecisionNumber":"常市监〔2025〕R-9号","Date":"2025-12-01","PublicUntil":"2027-12-01","Severity":null,"Status":"Active",
               "LegalBasis":"《常州市守信激励办法》","Summary":"守合同重信用。","IsUnderObjection":false}],
             "BlackList":[],"Commitments":[],"HasUnderObjection":false}
            """;
        var now = DateTimeOffset.UtcNow;
        var number = ReportCodes.NewReportNumber(now);
        var id = ReportCodes.NewOpaqueId();
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
            db.Reports.Add(new CreditReport
            {
                Id = id,
                Number = number,
                VerificationCodeHash = ReportCodes.HashVerificationCode(number, scope.ServiceProvider.GetRequiredService<ReportVerificationKey>().CodeFor(number)),
                Kind = ReportKind.Enterprise,
                SubjectKey = DemoIdentities.CompanyUscc,
                SubjectName = DemoIdentities.CompanyName,
                Uscc = DemoIdentities.CompanyUscc,
                IssuedAt = now.AddDays(-1),
                ValidUntil = now.AddDays(29),
                ContentJson = OldContent.Replace("USCC", DemoIdentities.CompanyUscc, StringComparison.Ordinal),
            });
            await db.SaveChangesAsync();
        }

        var company = await site.SignInAsync(DemoIdentities.Representative);
        var (response, page) = await site.GetPageAsync(company, $"/reports/{id}");
        var pdf = Squash(await PdfTools.ExtractTextAsync(await company.GetByteArrayAsync(new Uri($"/reports/{id}/pdf", UriKind.Relative))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var text in new[] { Article(page), pdf })
        {
            string[] sections = ["一、基础信息", "二、守信激励", "三、严重失信主体名单", "四、信用承诺", "五、其他"];
            Assert.All(sections, s => Assert.Contains(s, text, StringComparison.Ordinal));
            Assert.Contains("常市监〔2025〕R-9号", text, StringComparison.Ordinal);
            Assert.DoesNotContain("行政许可", text, StringComparison.Ordinal);
            Assert.DoesNotContain("登记信息", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The report itself, without the site's header, menus and footer.</summary>
    private static string Article(string html)
    {
        var start = html.IndexOf("<article class=\"credit-report\">", StringComparison.Ordinal);
        var end = html.IndexOf("</article>", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page shows no report.");
        return html[start..end];
    }

    private static string Squash(string text) => text.Replace("\n", string.Empty, StringComparison.Ordinal);
}
