using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Content;

public sealed class ContentPublishingStartupTests
{
    [Theory]
    [InlineData("policies/broken-front-matter.md", "---\ntype: policy\ntitle: [未闭合\ndate: 2019-04-16\n---\n正文\n", "content/policies/broken-front-matter.md:3:")]
    [InlineData("policies/unknown-type.md", "---\ntype: memo\ntitle: 备忘\ndate: 2019-04-16\nsummary: 摘要\n---\n", "content/policies/unknown-type.md:2:")]
    [InlineData("announcements/no-title.md", "---\ntype: announcement\ndate: 2024-01-01\nsummary: 摘要\nissuer: 市信用办\n---\n", "content/announcements/no-title.md:2:")]
    [InlineData("data/department-aliases.yaml", "# 别名\n市中级人民法院: [市中级法院]\n市检察院: [市中级法院]\n", "content/data/department-aliases.yaml:3: 别名 “市中级法院” 已列在 “市中级人民法院” 下")]
    [InlineData("data/department-aliases.yaml", "市发改委（市信用办）: [市发改委]\n市发改委: [市发改委（信用办）]\n", "content/data/department-aliases.yaml:1: 别名 “市发改委” 本身是第 2 行的标准名称")]
    [InlineData("data/department-aliases.yaml", "常州市税务局: [市税物局]\n", "content/data/department-aliases.yaml:1: 别名 “市税物局” 没有出现在任何任务或重点人群中")]
    [InlineData("data/department-aliases.yaml", "- 市税务局\n", "content/data/department-aliases.yaml:1: 应为 “标准名称: [别名, …]” 的形式")]
    [InlineData("data/workdays-2026.yaml", "year: 2026\nsource: {title: 国务院办公厅关于2026年部分节假日安排的通知, number: 国办发明电〔2025〕7号, published: 2025-11-04, url: https://www.gov.cn/}\nholidays:\n  - name: 春节\n    days: [2026-02-15]\n    workdays: [2026-02-13]\n", "content/data/workdays-2026.yaml:6: 调休上班日 2026-02-13 是星期五")]
    [InlineData("data/workdays-2027.yaml", "year: 2026\n", "content/data/workdays-2027.yaml:1: “year: 2026” 与文件名 workdays-2027.yaml 不符")]
    [InlineData("role-models/bad-code.md", "---\ntype: role-model\ntitle: 典型\ndate: 2024-05-20\nsummary: 摘要\nsubject_name: 某公司\nsubject_type: legal_person\nuscc: 914403001922038217\ncategory: 诚信标兵\nawarded_by: 市信用办\n---\n", "content/role-models/bad-code.md:8:")]
    public void BrokenContentFileStopsStartUpNamingFileAndLine(string file, string text, string expected)
    {
        using var site = new ContentSiteFactory().WithFile(file, text);

        var error = Record.Exception(() => site.CreateClient());

        Assert.NotNull(error);
        var messages = string.Join("\n", Flatten(error).Select(e => e.Message));
        Assert.Contains(expected, messages, StringComparison.Ordinal);
        Assert.Contains("站点未启动", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInAContentFileReachesTheBrowserOnlyAsText()
    {
        using var site = new ContentSiteFactory().WithFile("announcements/xss-check.md", """
            ---
            type: announcement
            title: 脚本检查公告
            date: 2024-01-01
            summary: 含有脚本的正文。
            issuer: 市发改委（市信用办）
            ---
            <script>alert('xss')</script>

            <img src=x onerror="alert(1)">

            [点击领取](javascript:alert(2))
            """);

        var response = await site.CreateClient().GetAsync(new Uri("/announcements/xss-check", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        Assert.Contains("点击领取", html, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
