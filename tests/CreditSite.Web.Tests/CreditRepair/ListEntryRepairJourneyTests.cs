using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>Credit repair of a black-list entry through the real site, store and embedded index: 我的信用记录 lists the
/// entry with its period and earliest repair date, the department approves, and the entry leaves the black list page,
/// search, the subject page, the subject API and the badge, while another subject's entry stays.</summary>
public sealed partial class ListEntryRepairJourneyTests(ListEntryRepairJourneyTests.Site site) : IClassFixture<ListEntryRepairJourneyTests.Site>
{
    private const string Department = "市市场监督管理局";
    private const string EntryId = "JS-W01";
    private const string Decision = "常市监信〔2025〕701号";
    private const string KeptDecision = "常市监信〔2025〕702号";

    public sealed class Site : ReportsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var today = CreditCalendar.Today(Clock);
            string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var decided = today.AddDays(-400);
            var file = Path.Combine(DataPath, "black.csv");
            Directory.CreateDirectory(DataPath);
            await using (var writer = new StreamWriter(file))
            {
                ListCsvWriter.WriteHeader(writer);
                ListCsvWriter.WriteRow(writer, [EntryId, "black", "legal_person", DemoIdentities.CompanyName, DemoIdentities.CompanyUscc, null, "食品药品",
                    Department, Decision, Date(decided), Date(decided.AddYears(2)), "serious", "《中华人民共和国食品安全法》第一百二十四条", "经营超过保质期的食品。", "active"]);
                ListCsvWriter.WriteRow(writer, ["JS-W02", "black", "legal_person", "常州别家有限公司", UnifiedOther, null, "食品药品",
                    Department, KeptDecision, Date(decided), Date(decided.AddYears(2)), "serious", "《中华人民共和国食品安全法》第一百二十四条", "经营超过保质期的食品。", "active"]);
            }

            var result = await Services.GetRequiredService<ListImporter>().ImportAsync(file);
            Assert.True(result.Accepted, result.Report.Describe());
            await IndexAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public Task IndexAsync() => Services.GetRequiredService<ListIndexer>().CatchUpAsync(Engine, TimeSpan.FromSeconds(30));
    }

    private static readonly string SubjectApi = $"/api/v1/subjects/{DemoIdentities.CompanyUscc}";
    private static readonly string Badge = $"/embed/badge/{DemoIdentities.CompanyUscc}";

    private static readonly string UnifiedOther = CreditSite.Identifiers.UnifiedSocialCreditCode.Complete("91320412MA20K7QD").Value;

    [Fact]
    public async Task AnApprovedRepairOfABlackListEntryTakesItOffTheBlackListSearchTheSubjectPageTheApiAndTheBadge()
    {
        var anonymous = site.CreateClient();
        var search = $"/search?q={Uri.EscapeDataString(DemoIdentities.CompanyName)}";
        Assert.Contains(Decision, (await site.GetPageAsync(anonymous, "/lists/black")).Html, StringComparison.Ordinal);
        Assert.Contains(Decision, (await site.GetPageAsync(anonymous, search)).Html, StringComparison.Ordinal);
        Assert.Contains(Decision, (await site.GetPageAsync(anonymous, SubjectApi)).Html, StringComparison.Ordinal);

        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var (_, mine) = await site.GetPageAsync(applicant, "/my-records");
        Assert.Contains($"/my-records/black/{EntryId}/repair", mine, StringComparison.Ordinal);
        Assert.Contains($"/my-records/black/{EntryId}/objection", mine, StringComparison.Ordinal);
        Assert.Contains("最短1年，最长3年", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("JS-W02", mine, StringComparison.Ordinal);

        var (_, submitted) = await site.PostFormAsync(applicant, $"/my-records/black/{EntryId}/repair", null,
            ("Rectification", "已召回全部问题食品并建立进货查验制度。"), ("ContactPhone", "13912345678"), ("CommitmentAccepted", "true"));
        var number = NumberPattern().Match(submitted).Groups[1].Value;
        Assert.True(number.Length > 0, submitted);

        var staff = await site.SignInAsync(DemoIdentities.DepartmentStaff);
        var (_, decide) = await site.GetPageAsync(staff, $"/desk/{number}");
        Assert.Contains("黑名单 " + EntryId, decide, StringComparison.Ordinal);
        await site.PostFormAsync(staff, $"/desk/{number}", "Accept", ("Version", "1"), ("Reason", "材料齐全，予以受理。"));
        var (approve, approved) = await site.PostFormAsync(staff, $"/desk/{number}", "Approve", ("Version", "2"), ("Reason", "整改到位，同意修复。"));
        Assert.True(approve.StatusCode == HttpStatusCode.OK, approved);
        await site.IndexAsync();

        var (_, blackList) = await site.GetPageAsync(anonymous, "/lists/black");
        Assert.DoesNotContain(Decision, blackList, StringComparison.Ordinal);
        Assert.Contains(KeptDecision, blackList, StringComparison.Ordinal);
        Assert.DoesNotContain(Decision, (await site.GetPageAsync(anonymous, search)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Decision, (await site.GetPageAsync(anonymous, $"/subjects/{DemoIdentities.CompanyUscc}")).Html, StringComparison.Ordinal);
        var (api, apiJson) = await site.GetPageAsync(anonymous, SubjectApi);
        Assert.True(api.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, apiJson);
        Assert.DoesNotContain(Decision, apiJson, StringComparison.Ordinal);
        // Asked first now: a badge's standing is cached for up to a minute (SubjectStatusLookup.Lifetime).
        Assert.DoesNotContain("有失信记录", (await site.GetPageAsync(anonymous, Badge)).Html, StringComparison.Ordinal);
        Assert.Contains("有失信记录 1 条", (await site.GetPageAsync(anonymous, $"/embed/badge/{UnifiedOther}")).Html, StringComparison.Ordinal);
        (_, mine) = await site.GetPageAsync(applicant, "/my-records");
        Assert.Contains("已信用修复", mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/my-records/black/{EntryId}/repair", mine, StringComparison.Ordinal);
    }

    [GeneratedRegex("<code id=\"request-number\">([A-Z0-9]+)</code>")]
    private static partial Regex NumberPattern();
}
