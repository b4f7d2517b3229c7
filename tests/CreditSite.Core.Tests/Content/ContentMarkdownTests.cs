using AngleSharp.Html.Parser;
using CreditSite.Content;

namespace CreditSite.Core.Tests.Content;

public sealed class ContentMarkdownTests
{
    [Theory]
    [InlineData("<script>alert('xss')</script>", "<script")]
    [InlineData("正文 <script src=\"/evil.js\"></script> 结束", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("![图](x \"t\"){onerror=alert(1)}", "onerror=\"")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("[点我](JavaScript:alert(1))", "avascript:")]
    [InlineData("[点我](  javascript:alert(1) )", "javascript:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    [InlineData("![图](javascript:alert(1))", "src=\"javascript")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "href=\"data:")]
    [InlineData("<div onclick=\"steal()\">块级 HTML</div>", "<div")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", "<iframe")]
    [InlineData("<a href=\"https://example.com\" onmouseover=\"x()\">链接</a>", "<a ")]
    [InlineData("<style>body{display:none}</style>", "<style")]
    [InlineData("<!-- 注释 --><svg onload=alert(1)>", "<svg")]
    public void NeutralisesRawHtmlAndScriptLinks(string markdown, string forbidden)
    {
        var html = ContentMarkdown.ToSafeHtml(markdown).Value!;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        Assert.Empty(document.QuerySelectorAll("script, iframe, style, svg, object, embed, div"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} kept");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void ShowsRawHtmlAsTextSoEditorsSeeTheirMistake()
    {
        var html = ContentMarkdown.ToSafeHtml("<script>alert(1)</script>").Value!;

        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersPipeTables()
    {
        var html = ContentMarkdown.ToSafeHtml("| 序号 | 重点人群 |\n| --- | --- |\n| 1 | 公务员 |\n").Value!;

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>重点人群</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>公务员</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TurnsBareAddressesIntoLinks()
    {
        var html = ContentMarkdown.ToSafeHtml("详见 https://www.creditchina.gov.cn 网站。").Value!;

        Assert.Contains("<a href=\"https://www.creditchina.gov.cn\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesChineseHeadingsAnchorIds()
    {
        var html = ContentMarkdown.ToSafeHtml("## 一、基本原则\n\n正文").Value!;

        Assert.Matches("<h2 id=\"[^\"]*基本原则[^\"]*\">一、基本原则</h2>", html);
    }

    [Fact]
    public void KeepsRelativeAndHttpsLinks()
    {
        var html = ContentMarkdown.ToSafeHtml("[附件1](/policies/attachment-1) 与 [信用中国](https://www.creditchina.gov.cn/)").Value!;

        Assert.Contains("href=\"/policies/attachment-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.creditchina.gov.cn/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextDropsMarkupForSearch()
    {
        var text = ContentMarkdown.ToPlainText("## 一、基本原则\n\n**依法行政**，见 [附件](/policies/a)。\n\n| 序号 | 任务 |\n| --- | --- |\n| 1 | 政务公开 |");

        Assert.Contains("一、基本原则", text, StringComparison.Ordinal);
        Assert.Contains("依法行政", text, StringComparison.Ordinal);
        Assert.Contains("政务公开", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("##", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
    }
}
