using System.Net;
using CreditSite.Content;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Policies;

/// <summary>The policy pages over the repository's real content.</summary>
[Collection(SharedSites.Plain)]
public sealed class PolicyPagesTests(SiteFactory site)
{
    private const string NoticeSlug = "task-division-notice-2019";
    private const string NoticeTitle = "关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知";
    private const string MarketRegulation = "市市场监督管理局";

    private ContentLibrary Library => site.Services.GetRequiredService<ContentLibrary>();

    [Fact]
    public async Task ListsTheNoticeWithItsAttachments()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/policies/{NoticeSlug}\">{NoticeTitle}</a>", html, StringComparison.Ordinal);
        foreach (var attachment in Library.AttachmentsOf(Library.FindPolicy(NoticeSlug)!))
        {
            Assert.Contains($"href=\"{attachment.Url}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CarriesTheInformationDisclosureBlockFromTheFrontMatter()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies/" + NoticeSlug);

        Assert.Equal(HttpStatusCode.OK, status);
        var block = html[html.IndexOf("<table class=\"disclosure\">", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<th scope=\"row\">索引号</th><td>—</td>", block, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">主题分类</th><td>综合政务/社会信用体系建设</td>", block, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发布机构</th><td>常州市社会信用体系建设领导小组办公室</td>", block, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">成文日期</th><td><time datetime=\"2019-04-16\">2019年4月16日</time></td>", block, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">有效性</th><td colspan=\"3\">有效</td>", block, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsTheNoticeWithIssuerDateAndFourAttachments()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies/" + NoticeSlug);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{NoticeTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("常州市社会信用体系建设领导小组办公室", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2019-04-16\">2019年4月16日</time>", html, StringComparison.Ordinal);
        var attachments = Library.AttachmentsOf(Library.FindPolicy(NoticeSlug)!);
        Assert.Equal(4, attachments.Count);
        foreach (var attachment in attachments)
        {
            Assert.Contains($"<a href=\"{attachment.Url}\">{SiteClient.Html(attachment.Title)}</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShowsAnAttachmentsRelatedDocumentsParentAndEveryTask()
    {
        var attachment = Library.AttachmentsOf(Library.FindPolicy(NoticeSlug)!).First(a => a.Tasks.Count > 0);

        var (status, html) = await site.CreateClient().GetPageAsync(attachment.Url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/policies/{NoticeSlug}\">{NoticeTitle}</a>", html, StringComparison.Ordinal);
        Assert.NotEmpty(attachment.RelatedDocuments);
        foreach (var related in attachment.RelatedDocuments)
        {
            Assert.Contains(SiteClient.Html(related.Title), html, StringComparison.Ordinal);
            Assert.Contains(SiteClient.Html(related.Number ?? string.Empty), html, StringComparison.Ordinal);
        }

        Assert.Contains($"任务分工（{attachment.Tasks.Count} 项）", html, StringComparison.Ordinal);
        foreach (var task in attachment.Tasks)
        {
            Assert.Contains($"<caption>{SiteClient.Html(task.Section)}</caption>", html, StringComparison.Ordinal);
            Assert.Contains($"<td>{SiteClient.Html(task.Title)}</td>", html, StringComparison.Ordinal);
            Assert.Contains($">{SiteClient.Html(task.LeadDepartments[0])}</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FiltersTasksByDepartmentIntoLeadAndCooperation()
    {
        var expected = Library.TasksOf(MarketRegulation);
        Assert.NotEmpty(expected.Leads);
        Assert.NotEmpty(expected.CoOperations);

        var (status, html) = await site.CreateClient().GetPageAsync("/policies/tasks?department=" + SiteClient.Query(MarketRegulation));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"牵头 / 责任（{expected.Leads.Count} 项）", html, StringComparison.Ordinal);
        Assert.Contains($"配合（{expected.CoOperations.Count} 项）", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{MarketRegulation}\" selected=\"selected\">", html, StringComparison.Ordinal);
        var leadSection = html[html.IndexOf("id=\"leads-heading\"", StringComparison.Ordinal)..html.IndexOf("id=\"coop-heading\"", StringComparison.Ordinal)];
        foreach (var lead in expected.Leads)
        {
            Assert.Contains($"<td class=\"task-title\">{SiteClient.Html(lead.Task.Title)}</td>", leadSection, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OffersEveryDepartmentFoundInTasks()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies/tasks");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var department in Library.TaskDepartments)
        {
            Assert.Contains($"<option value=\"{SiteClient.Html(department)}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains(MarketRegulation, Library.TaskDepartments);
    }

    [Theory]
    // name asked for, canonical name (content/data/department-aliases.yaml), leads and co-operations in the 2019
    // document: the tasks written with each spelling added up (no task names one department twice).
    [InlineData("常州市税务局", "常州市税务局", 3, 2)]
    [InlineData("市税务局", "常州市税务局", 3, 2)]
    [InlineData("市中级人民法院", "市中级人民法院", 3, 5)]
    [InlineData("市中级法院", "市中级人民法院", 3, 5)]
    [InlineData("市交通运输局", "市交通运输局", 2, 7)]
    [InlineData("市交通局", "市交通运输局", 2, 7)]
    [InlineData("市发改委（市信用办）", "市发改委（市信用办）", 50, 5)]
    [InlineData("市发改委（信用办）", "市发改委（市信用办）", 50, 5)]
    [InlineData("市发改委", "市发改委（市信用办）", 50, 5)]
    [InlineData("市有关部门", "市各有关部门", 6, 40)]
    [InlineData("市相关部门", "市各有关部门", 6, 40)]
    public void FindsEveryVariantSpellingsTasksUnderTheCanonicalName(string name, string canonical, int leads, int coOperations)
    {
        var tasks = Library.TasksOf(name);

        Assert.Equal(canonical, tasks.Department);
        Assert.Equal(leads, tasks.Leads.Count);
        Assert.Equal(coOperations, tasks.CoOperations.Count);
        var spellings = Library.TasksOf(canonical).OtherSpellings.Append(canonical).ToList();
        var all = Library.Policies.SelectMany(p => p.Tasks).ToList();
        Assert.Equal(spellings.Sum(s => all.Count(t => t.IsLedBy(s))), tasks.Leads.Count);
        Assert.Equal(spellings.Sum(s => all.Count(t => t.IsCooperatedOnBy(s))), tasks.CoOperations.Count);
    }

    [Fact]
    public void ListsEachDepartmentOnceUnderItsCanonicalName()
    {
        var departments = Library.TaskDepartments;

        // 58 spellings in the 2019 document, 51 departments once the variants are merged.
        Assert.Equal(51, departments.Count);
        Assert.All(departments, d => Assert.Equal(d, Library.CanonicalDepartment(d)));
        Assert.Equal(departments.Count, departments.Select(Library.CanonicalDepartment).Distinct().Count());
        foreach (var variant in new[] { "市税务局", "市中级法院", "市交通局", "市发改委", "市发改委（信用办）", "市有关部门", "市相关部门" })
        {
            Assert.DoesNotContain(variant, departments);
        }
    }

    [Fact]
    public void MatchesKeyGroupLeadDepartmentsUnderTheCanonicalName()
    {
        // Attachment 3's table names 常州市税务局 as the lead for 税务师; tasks also write 市税务局.
        var byVariant = Library.TasksOf("市税务局");

        Assert.Contains(byVariant.KeyGroupsLed, g => g.Name.Contains("税务师", StringComparison.Ordinal));
        Assert.Equal(Library.TasksOf("常州市税务局").KeyGroupsLed, byVariant.KeyGroupsLed);
    }

    [Theory]
    [InlineData("常州市税务局")]
    [InlineData("市税务局")]
    public async Task ShowsAVariantSpellingUnderTheCanonicalHeadingWithEveryTask(string department)
    {
        var expected = Library.TasksOf("常州市税务局");

        var (status, html) = await site.CreateClient().GetPageAsync("/policies/tasks?department=" + SiteClient.Query(department));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>常州市税务局的任务分工", html, StringComparison.Ordinal);
        Assert.Contains("<strong>常州市税务局</strong>：牵头（责任）3 项，配合 2 项。", html, StringComparison.Ordinal);
        Assert.Contains("文件中也写作：市税务局", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"常州市税务局\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"市税务局\"", html, StringComparison.Ordinal);
        var leadSection = html[html.IndexOf("id=\"leads-heading\"", StringComparison.Ordinal)..html.IndexOf("id=\"coop-heading\"", StringComparison.Ordinal)];
        foreach (var lead in expected.Leads)
        {
            Assert.Contains($"<td class=\"task-title\">{SiteClient.Html(lead.Task.Title)}</td>", leadSection, StringComparison.Ordinal);
        }

        // The other spelling is the same department, not an "other lead department" of its own tasks.
        Assert.DoesNotContain("市税务局", leadSection.Replace("常州市税务局", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepsTheDocumentsOwnSpellingOnThePolicyPage()
    {
        var attachment = Library.Policies.First(p => p.Tasks.Any(t => t.IsLedBy("市税务局")));

        var (status, html) = await site.CreateClient().GetPageAsync(attachment.Url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">市税务局</a>", html, StringComparison.Ordinal);
        Assert.Contains(">市交通局</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("不存在的部门")]
    [InlineData("市场监督管理局")]
    [InlineData("<script>alert(1)</script>")]
    public async Task ShowsAnEmptyStateForADepartmentWithoutTasks(string department)
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies/tasks?department=" + SiteClient.Query(department));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"没有找到“{SiteClient.Html(department)}”牵头或配合的任务", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%E5%B8%82%01%E5%B1%80")] // a control character
    [InlineData("%0A%0D%E5%B8%82%E5%B1%80%00")]
    [InlineData("%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80")] // 56 characters
    public async Task RejectsAnOverLongOrControlCharacterDepartmentWithAChineseMessage(string encoded)
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies/tasks?department=" + encoded);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("部门名称应为不超过 50 个字的单位名称", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/policies/no-such-policy")]
    [InlineData("/policies/Task-Division-Notice-2019")]
    [InlineData("/policies/task_division")]
    [InlineData("/policies/%3Cscript%3E")]
    [InlineData("/policies/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/policies/a--b")]
    [InlineData("/policies/%E9%80%9A%E7%9F%A5")]
    [InlineData("/role-models/no-such-model")]
    [InlineData("/role-models/%20")]
    [InlineData("/announcements/no-such-announcement")]
    [InlineData("/announcements/UPPER")]
    public async Task AnswersUnknownOrMalformedSlugsWithTheChinese404Page(string url)
    {
        var (status, html) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/policies?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/policies?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/policies?page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/policies?page=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/policies?page=999", HttpStatusCode.NotFound)]
    [InlineData("/role-models?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/announcements?page=1.5", HttpStatusCode.BadRequest)]
    public async Task AnswersABadPageNumberWith400Or404(string url, HttpStatusCode expected)
    {
        var (status, html) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(expected, status);
        Assert.Contains(expected == HttpStatusCode.BadRequest ? "请求有误" : "页面不存在", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsThe29KeyGroupsWithTheirLeadDepartments()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/key-groups");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(29, Library.KeyGroups.Count);
        Assert.Contains("共 29 类重点人群", html, StringComparison.Ordinal);
        foreach (var group in Library.KeyGroups)
        {
            Assert.Contains($"<td>{SiteClient.Html(group.Name)}</td>", html, StringComparison.Ordinal);
            Assert.Contains($">{SiteClient.Html(group.LeadDepartments[0])}</a>", html, StringComparison.Ordinal);
        }
    }
}
