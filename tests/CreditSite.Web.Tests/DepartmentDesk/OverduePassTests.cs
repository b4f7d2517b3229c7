using System.Globalization;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Web.Features.DepartmentDesk;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.CreditRepair;
using CreditSite.Web.Tests.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.DepartmentDesk;

/// <summary>The nightly overdue pass in the real site, on the site's fake clock: it waits for the configured time (02:30
/// China Standard Time here; nothing a second before), flags the requests on the first night after their deadline, and /desk shows them — every
/// department's to the credit office, its own to a department.</summary>
public sealed class OverduePassTests(OverduePassTests.Site site) : IClassFixture<OverduePassTests.Site>
{
    private const string Department = "市市场监督管理局";
    private const string OtherDepartment = "市交通运输局";

    /// <summary>Only against a hang: every wait below ends on an event the fake clock causes.</summary>
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(1);

    public sealed class Site : ReportsSite, IAsyncLifetime
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CreditRepair:OverduePassTime", "02:30");
        }

        public async Task InitializeAsync()
        {
            await DemoCompanyPenalties.WriteAsync(Services, CreditCalendar.Today(Clock), ("CF-O1", Department), ("CF-O2", OtherDepartment));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task ThePassRunsNightlyAtTheConfiguredTimeAndTheDeskShowsWhatItFlaggedToWhomItConcerns()
    {
        var desk = site.Services.GetRequiredService<CreditRepairDesk>();
        var pass = site.Services.GetRequiredService<OverduePassService>();
        var applicant = new Applicant(DemoIdentities.CompanyUscc, "王强");
        var mine = await desk.SubmitObjectionAsync(new ObjectionApplication(RecordKind.Penalty, "CF-O1", applicant, "13812345678", "facts", "违法事实有误。"));
        var theirs = await desk.SubmitObjectionAsync(new ObjectionApplication(RecordKind.Penalty, "CF-O2", applicant, "13812345678", "facts", "违法事实有误。"));
        var due = (await desk.FindForApplicantAsync(mine.Number, applicant.SubjectKey))!.DueOn!.Value;

        OverduePass? flagging = null;
        for (var night = 0; flagging is null; night++)
        {
            Assert.True(night < 15, "The acceptance deadline should pass within 15 nights.");
            var run = pass.NextRun;
            var at = await pass.Scheduled.WaitAsync(Cap);
            Assert.Equal(new TimeOnly(2, 30), TimeOnly.FromDateTime(at.ToOffset(CreditCalendar.ChinaStandardTime).DateTime));

            site.Clock.Advance(at - site.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
            Assert.False(run.IsCompleted, "The pass ran before its time.");
            site.Clock.Advance(TimeSpan.FromSeconds(1));
            var result = await run.WaitAsync(Cap);

            Assert.Equal(at, result.RanAt);
            Assert.Equal(CreditCalendar.Today(site.Clock) > due ? 2 : 0, result.Flagged);
            flagging = result.Flagged > 0 ? result : null;
        }

        var lastPass = "最近一次逾期检查：" + flagging.RanAt.ToOffset(CreditCalendar.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var (_, officePage) = await site.GetPageAsync(await site.SignInAsync(DemoIdentities.Staff), "/desk");
        var office = OverdueSection(officePage);
        Assert.Contains(lastPass, office, StringComparison.Ordinal);
        Assert.Contains(mine.Number, office, StringComparison.Ordinal);
        Assert.Contains(theirs.Number, office, StringComparison.Ordinal);
        Assert.Contains(OtherDepartment, office, StringComparison.Ordinal);
        Assert.Contains(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), office, StringComparison.Ordinal);

        var (_, departmentPage) = await site.GetPageAsync(await site.SignInAsync(DemoIdentities.DepartmentStaff), "/desk");
        var department = OverdueSection(departmentPage);
        Assert.Contains(lastPass, department, StringComparison.Ordinal);
        Assert.Contains(mine.Number, department, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Number, departmentPage, StringComparison.Ordinal);
    }

    private static string OverdueSection(string html)
    {
        var start = html.IndexOf("<section id=\"overdue\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "The desk has no 逾期 section.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
