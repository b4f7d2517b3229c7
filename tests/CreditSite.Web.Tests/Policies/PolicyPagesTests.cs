using System.Net;
using CreditSite.Content;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Policies;

/// <summary>The policy pages over the repository's real content.</summary>
public sealed class PolicyPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
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
