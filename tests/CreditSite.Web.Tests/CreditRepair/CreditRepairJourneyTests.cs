using System.Net;
using System.Text.RegularExpressions;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Platforms;
using CreditSite.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>Credit repair and objections through the real site and the real local identity provider: the subject's
/// records and their repair dates, applying, the refusals (not eligible yet, not your record, missing reason), the
/// department's decision, /requests/status by number and code, and the record leaving public view.</summary>
public sealed partial class CreditRepairJourneyTests(CreditRepairJourneyTests.Site site) : IClassFixture<CreditRepairJourneyTests.Site>
{
    private const string Department = "市市场监督管理局";
    private static readonly string OtherUscc = CreditSite.Identifiers.UnifiedSocialCreditCode.Complete("91320412MA20K7QD").Value;

    public sealed class Site : ReportsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var today = CreditCalendar.Today(Clock);
            var company = DemoIdentities.CompanyUscc;
            var name = DemoIdentities.CompanyName;
            PublicRecord Penalty(string id, string uscc, string subject, int daysAgo)
            {
                var penalty = RecordsSite.Penalty(id, uscc, subject, today.AddDays(-daysAgo), today.AddDays(300));
                penalty.Department = Department;
                return penalty;
            }

            await Services.GetRequiredService<RecordStore>().WriteRecordsAsync(RecordKind.Penalty,
            [
                Penalty("CF-W01", company, name, 200),
                Penalty("CF-W02", company, name, 10),
                Penalty("CF-W03", company, name, 220),
                Penalty("CF-W04", company, name, 230),
                Penalty("CF-W09", OtherUscc, "常州别家有限公司", 200),
            ], new ListWrite { Source = "penalties.csv" });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public async Task<int> StoredAsync()
        {
            await using var context = Services.GetRequiredService<CreditStore>().CreateContext();
            return await context.Set<RepairRequest>().CountAsync();
        }
    }

    [Fact]
    public async Task MyRecordsOffersRepairOnlyFromTheEarliestDateAndObjectionsOnEveryRecord()
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);

        var (response, html) = await site.GetPageAsync(client, "/my-records");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/my-records/penalty/CF-W01/repair", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/my-records/penalty/CF-W02/repair", html, StringComparison.Ordinal);
        Assert.Contains("最短公示期尚未届满", html, StringComparison.Ordinal);
        Assert.Contains("/my-records/penalty/CF-W02/objection", html, StringComparison.Ordinal);
        Assert.DoesNotContain("CF-W09", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSubjectsRecordAnswersNotFoundAndStoresNothing()
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();

        var (response, _) = await site.GetPageAsync(client, "/my-records/penalty/CF-W09/repair");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task RepairBeforeTheEarliestDateIsRefusedInChinese()
    {
        var client = await site.SignInAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();

        var (response, html) = await site.PostFormAsync(client, "/my-records/penalty/CF-W03/repair", null,
            ("Rectification", "已整改。"), ("ContactPhone", "13800000000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请阅读并勾选接受《信用修复承诺书》", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.StoredAsync());
        (_, html) = await site.GetPageAsync(client, "/my-records/penalty/CF-W02/repair");
        Assert.Contains("最短公示期尚未届满", html, StringComparison.Ordinal);
        Assert.DoesNotContain("提交信用修复申请", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepartmentApprovesARepairAndTheRecordLeavesPublicViewWhileTheCodeShowsTheTimeline()
    {
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var (_, page) = await site.GetPageAsync(applicant, "/my-records/penalty/CF-W01/repair");
        Assert.Contains("免费", page, StringComparison.Ordinal);
        Assert.Contains(RepairCommitment.Paragraphs[^1], page, StringComparison.Ordinal);

        var (_, submitted) = await site.PostFormAsync(applicant, "/my-records/penalty/CF-W01/repair", null,
            ("Rectification", "已缴清罚款并完成整改。"), ("ContactPhone", "13912345678"), ("CommitmentAccepted", "true"));
        var number = NumberPattern().Match(submitted).Groups[1].Value;
        var code = CodePattern().Match(submitted).Groups[1].Value;
        Assert.NotEmpty(number);

        var anonymous = site.CreateClient();
        var (status, timeline) = await site.GetPageAsync(anonymous, $"/requests/status?number={number}&code={code}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("提交申请", timeline, StringComparison.Ordinal);
        Assert.Contains("剩余", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", timeline, StringComparison.Ordinal);
        var (wrongCode, wrongHtml) = await site.GetPageAsync(anonymous, $"/requests/status?number={number}&code=AAAAAAAA");
        var (unknown, unknownHtml) = await site.GetPageAsync(anonymous, $"/requests/status?number=XF20990101AAAAAAAA&code={code}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (wrongCode.StatusCode, unknown.StatusCode));
        Assert.Equal(Answer(wrongHtml).Replace("AAAAAAAA", code, StringComparison.Ordinal).Replace(number, "XF20990101AAAAAAAA", StringComparison.Ordinal), Answer(unknownHtml));

        var staff = await site.SignInAsync(DemoIdentities.DepartmentStaff);
        var (_, queue) = await site.GetPageAsync(staff, "/desk");
        Assert.Contains(number, queue, StringComparison.Ordinal);
        var (missing, missingHtml) = await site.PostFormAsync(staff, $"/desk/{number}", "Accept", ("Version", "1"), ("Reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写处理理由", missingHtml, StringComparison.Ordinal);
        await site.PostFormAsync(staff, $"/desk/{number}", "Accept", ("Version", "1"), ("Reason", "材料齐全，予以受理。"));
        var (stale, staleHtml) = await site.PostFormAsync(staff, $"/desk/{number}", "Return", ("Version", "1"), ("Reason", "请补充材料。"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被其他工作人员处理", staleHtml, StringComparison.Ordinal);
        var (_, approved) = await site.PostFormAsync(staff, $"/desk/{number}", "Approve", ("Version", "2"), ("Reason", "整改到位，同意修复。"));
        Assert.Contains("已通过", approved, StringComparison.Ordinal);

        var (record, _) = await site.GetPageAsync(anonymous, "/records/penalty/CF-W01");
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        var (_, mine) = await site.GetPageAsync(applicant, "/my-records");
        Assert.Contains("已信用修复", mine, StringComparison.Ordinal);
        (_, timeline) = await site.GetPageAsync(anonymous, $"/requests/status?number={number}&code={code}");
        Assert.Contains("决定已生效", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnObjectionMarksTheRecordTheCreditOfficeReadsWithoutActionsAndOthersGetNotFound()
    {
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var (form, formHtml) = await site.GetPageAsync(applicant, "/my-records/penalty/CF-W04/objection");
        Assert.True(form.StatusCode == HttpStatusCode.OK, formHtml);
        var (_, submitted) = await site.PostFormAsync(applicant, "/my-records/penalty/CF-W04/objection", null,
            ("Field", "facts"), ("Reason", "违法事实与实际不符。"), ("ContactPhone", "0519-88776655"));
        var number = NumberPattern().Match(submitted).Groups[1].Value;
        Assert.NotEmpty(number);
        var (_, underObjection) = await site.GetPageAsync(site.CreateClient(), "/records/penalty/CF-W04");
        Assert.Contains("异议处理中", underObjection, StringComparison.Ordinal);

        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync(person, $"/desk/{number}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync(person, $"/requests/{number}")).Response.StatusCode);

        var office = await site.SignInAsync(DemoIdentities.Staff);
        var (read, readHtml) = await site.GetPageAsync(office, $"/desk/{number}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("违法事实与实际不符", readHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=Accept", readHtml, StringComparison.Ordinal);
    }

    private static string Answer(string html)
    {
        var start = html.IndexOf("<h1>", StringComparison.Ordinal);
        return html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<code id=\"request-number\">([A-Z0-9]+)</code>")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("<code id=\"query-code\">([A-Z0-9]+)</code>")]
    private static partial Regex CodePattern();
}
