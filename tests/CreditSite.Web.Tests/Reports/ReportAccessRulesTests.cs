using System.Net;
using CreditSite.Domain;
using CreditSite.Reports.Storage;
using CreditSite.Search;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Reports;

/// <summary>Who may open which report, grant and access record — run on SQLite and on the real PostgreSQL.</summary>
public abstract class ReportAccessRulesTests<TSite>(TSite site) : IClassFixture<TSite>, IAsyncLifetime
    where TSite : ReportsSite, new()
{
    protected TSite Site { get; } = site;

    public async Task InitializeAsync() => await Site.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UnauthenticatedVisitorIsSentToSignIn()
    {
        var client = Site.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/local-idp/authorize?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonGetsEveryPublicEntryAboutThemAndNothingExpired()
    {
        var person = await Site.SignInAsync(DemoIdentities.BlackListedPerson);

        var (response, html) = await Site.PostFormAsync(person, "/reports", "Personal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Site.Decisions.PersonCourt, html, StringComparison.Ordinal);
        Assert.Contains(Site.Decisions.PersonTax, html, StringComparison.Ordinal);
        Assert.Contains("异议处理中", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Site.Decisions.PersonExpired, html, StringComparison.Ordinal);
        Assert.Contains("320402********", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPersonCannotOpenAReportOrItsPdfByChangingTheId()
    {
        var owner = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, html) = await Site.PostFormAsync(owner, "/reports", "Personal");
        var id = Forms.ReportId(html);
        var other = await Site.SignInAsync(DemoIdentities.CleanPerson);

        var (page, _) = await Site.GetPageAsync(other, $"/reports/{id}");
        var (pdf, _) = await Site.GetPageAsync(other, $"/reports/{id}/pdf");
        var (access, accessHtml) = await Site.GetPageAsync(other, "/reports/access");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, access.StatusCode);
        Assert.DoesNotContain("张伟", accessHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPersonCannotRevokeSomeoneElsesGrant()
    {
        var owner = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        await CreateGrantAsync(owner, singleUse: false);
        var grantId = await Db(db => db.Grants.Where(g => g.SubjectKey == ReportsSite.HashOf(DemoIdentities.BlackListedPersonId) && g.RevokedAt == null)
            .OrderByDescending(g => g.CreatedAt).Select(g => g.Id).FirstAsync());
        var other = await Site.SignInAsync(DemoIdentities.CleanPerson);

        var (response, _) = await Site.PostFormAsync(other, "/reports/grants", "Revoke", ("grantId", grantId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await Db(db => db.Grants.Where(g => g.Id == grantId).Select(g => g.RevokedAt).FirstAsync()));
    }

    [Fact]
    public async Task GranteeGetsOnlyTheGrantingPersonsReport()
    {
        var person = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        var code = await CreateGrantAsync(person, singleUse: false);
        var clean = await Site.SignInAsync(DemoIdentities.CleanPerson);
        var (_, cleanHtml) = await Site.PostFormAsync(clean, "/reports", "Personal");
        var cleanReportId = Forms.ReportId(cleanHtml);
        var company = await Site.SignInAsync(DemoIdentities.Representative);

        var (redeemed, html) = await Site.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var (other, _) = await Site.GetPageAsync(company, $"/reports/{cleanReportId}");

        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Contains("张伟", html, StringComparison.Ordinal);
        Assert.Contains(Site.Decisions.PersonCourt, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task GrantForACompanyCannotBeRedeemedBySomeoneElse()
    {
        var person = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        var code = await CreateGrantAsync(person, singleUse: false);
        var clean = await Site.SignInAsync(DemoIdentities.CleanPerson);

        var (response, html) = await Site.PostFormAsync(clean, "/reports/grants/redeem?code=" + code, null, ("Code", code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("授权码无效，或该授权不是授予当前登录身份的", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredGrantOpensNothing()
    {
        // Its own site and so its own clock: moving the shared fixture's clock would move every later test's calendar.
        await using var own = new TSite();
        await own.SeedAsync();
        var person = await own.SignInAsync(DemoIdentities.BlackListedPerson);
        var code = await CreateGrantAsync(own, person, singleUse: false, days: 1);
        var company = await own.SignInAsync(DemoIdentities.Representative);
        var (_, html) = await own.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var reportId = Forms.ReportId(html);

        own.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var (again, againHtml) = await own.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var (view, _) = await own.GetPageAsync(company, $"/reports/{reportId}");
        var (pdf, _) = await own.GetPageAsync(company, $"/reports/{reportId}/pdf");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该授权已过期", againHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    [Fact]
    public async Task RevokedGrantOpensNothingAlreadyRedeemedEither()
    {
        var person = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        var code = await CreateGrantAsync(person, singleUse: false);
        var company = await Site.SignInAsync(DemoIdentities.Representative);
        var (_, html) = await Site.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var reportId = Forms.ReportId(html);
        var grantId = await Db(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.GrantId!).FirstAsync());

        var (revoked, _) = await Site.PostFormAsync(person, "/reports/grants", "Revoke", ("grantId", grantId));
        var (view, _) = await Site.GetPageAsync(company, $"/reports/{reportId}");
        var (again, againHtml) = await Site.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该授权已被授权人撤销", againHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleUseGrantCannotBeUsedTwice()
    {
        var person = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        var code = await CreateGrantAsync(person, singleUse: true);
        var company = await Site.SignInAsync(DemoIdentities.Representative);

        var (first, _) = await Site.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var (second, html) = await Site.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("该授权为一次性授权，已经使用过", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryViewAndDownloadShowsInTheSubjectsAccessRecord()
    {
        var person = await Site.SignInAsync(DemoIdentities.BlackListedPerson);
        var code = await CreateGrantAsync(person, singleUse: true, purpose: "Other", purposeText: "测试用途甲");
        var company = await Site.SignInAsync(DemoIdentities.Representative);
        var (_, html) = await Site.PostFormAsync(company, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var reportId = Forms.ReportId(html);
        var (pdf, _) = await Site.GetPageAsync(company, $"/reports/{reportId}/pdf");
        var staff = await Site.SignInAsync(DemoIdentities.Staff);
        var (staffView, _) = await Site.GetPageAsync(staff, $"/reports/{reportId}");
        var number = await Db(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.Number).FirstAsync());

        var (_, record) = await Site.GetPageAsync(person, "/reports/access");
        var rows = record.Split("<tr>").Where(r => r.Contains(number, StringComparison.Ordinal)).ToList();

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffView.StatusCode);
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Contains("王强（常州恒信建材有限公司）", StringComparison.Ordinal) && r.Contains("其他：测试用途甲", StringComparison.Ordinal)));
        Assert.Single(rows, r => r.Contains("下载 PDF", StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains("陈静", StringComparison.Ordinal) && r.Contains("工作人员依职责核查", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessRecordRefusesChangesInTheDatabase()
    {
        var person = await Site.SignInAsync(DemoIdentities.CleanPerson);
        await Site.PostFormAsync(person, "/reports", "Personal");

        var update = await Record.ExceptionAsync(() => Db(db => db.Database.ExecuteSqlRawAsync($"UPDATE {ReportsDbContext.AccessTable} SET \"Purpose\" = 'x'")));
        var delete = await Record.ExceptionAsync(() => Db(db => db.Database.ExecuteSqlRawAsync($"DELETE FROM {ReportsDbContext.AccessTable}")));

        Assert.NotNull(update);
        Assert.Contains("append-only", update.ToString(), StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete.ToString(), StringComparison.Ordinal);
        Assert.True(await Db(db => db.AccessLog.AnyAsync()));
    }

    [Fact]
    public async Task RepresentativeDownloadsTheCompanysReportWithItsHonours()
    {
        // Role-model honours are content documents found by the company's USCC, as the content library projects them.
        await Site.Engine.UpsertAsync([new SearchDocument
        {
            Id = "role-model:test-hengxin", Type = DocumentType.RoleModel, Title = "江苏省守合同重信用企业（测试）", Url = "/role-models/test-hengxin",
            Date = new DateOnly(2025, 3, 1), Category = "守合同重信用企业", SubjectName = DemoIdentities.CompanyName,
            SubjectType = SubjectType.LegalPerson, Uscc = DemoIdentities.CompanyUscc, SubjectKey = DemoIdentities.CompanyUscc,
        }]);
        var company = await Site.SignInAsync(DemoIdentities.Representative);

        var (page, html) = await Site.PostFormAsync(company, "/reports", "Enterprise");
        var pdf = await company.GetAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative));
        var text = await PdfTools.ExtractTextAsync(await pdf.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("企业公共信用信息报告", html, StringComparison.Ordinal);
        Assert.Contains(Site.Decisions.CompanyBlack, html, StringComparison.Ordinal);
        Assert.Contains(Site.Decisions.CompanyRed, html, StringComparison.Ordinal);
        Assert.Contains("江苏省守合同重信用企业（测试）", html, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains(DemoIdentities.CompanyUscc, text, StringComparison.Ordinal);
        Assert.Contains("常州市社会信用体系建设领导小组办公室", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Enterprise", "__BADUSCC__", "7", "统一社会信用代码")]
    [InlineData("Enterprise", "", "7", "统一社会信用代码")]
    [InlineData("Person", "__BADID__", "7", "居民身份证号码的校验码")]
    [InlineData("Enterprise", "__USCC__", "31", "有效期应为1至30天")]
    [InlineData("Enterprise", "__USCC__", "abc", "表单填写有误")]
    public async Task BadGrantInputGetsAClearMessageAndStoresNothing(string kind, string identifier, string days, string message)
    {
        var person = await Site.SignInAsync(DemoIdentities.CleanPerson);
        var before = await Db(db => db.Grants.CountAsync());

        var (response, html) = await Site.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", kind), ("Form.GranteeName", "某公司"),
            ("Form.GranteeIdentifier", identifier switch
            {
                "__USCC__" => DemoIdentities.CompanyUscc,
                "__BADUSCC__" => WrongLast(DemoIdentities.CompanyUscc),
                "__BADID__" => WrongLast(DemoIdentities.CleanPersonId),
                _ => identifier,
            }),
            ("Form.Purpose", "Lease"), ("Form.Days", days), ("Form.SingleUse", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await Db(db => db.Grants.CountAsync()));
    }

    [Fact]
    public async Task SignOutEndsTheSessionHereAndAtTheProvider()
    {
        var person = await Site.SignInAsync(DemoIdentities.CleanPerson);

        var (signedOut, _) = await Site.PostFormAsync(person, "/account/sign-out", null);
        var after = await person.GetAsync(new Uri("/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/local-idp/authorize", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static string WrongLast(string code) => code[..^1] + (code[^1] == '1' ? '2' : '1');

    protected Task<string> CreateGrantAsync(HttpClient person, bool singleUse, int days = 7, string purpose = "LoanApproval", string? purposeText = null) =>
        CreateGrantAsync(Site, person, singleUse, days, purpose, purposeText);

    private static async Task<string> CreateGrantAsync(
        TSite on, HttpClient person, bool singleUse, int days = 7, string purpose = "LoanApproval", string? purposeText = null)
    {
        var (response, html) = await on.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", "Enterprise"), ("Form.GranteeName", DemoIdentities.CompanyName),
            ("Form.GranteeIdentifier", DemoIdentities.CompanyUscc), ("Form.Purpose", purpose), ("Form.PurposeText", purposeText ?? string.Empty),
            ("Form.Days", days.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.SingleUse", singleUse ? "true" : "false"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return Forms.GrantCode(html);
    }

    protected async Task<T> Db<T>(Func<ReportsDbContext, Task<T>> query)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportsDbContext>());
    }
}

public sealed class ReportAccessRulesOnSqliteTests(ReportsSite site) : ReportAccessRulesTests<ReportsSite>(site);

public sealed class ReportAccessRulesOnPostgreSqlTests(PostgreSqlReportsSite site) : ReportAccessRulesTests<PostgreSqlReportsSite>(site);
