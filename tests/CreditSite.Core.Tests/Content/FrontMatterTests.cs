using CreditSite.Content;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Core.Tests.Content;

public sealed class FrontMatterTests
{
    [Fact]
    public void SplitsYamlFromTheMarkdownBody()
    {
        var problems = new List<ContentProblem>();

        var document = FrontMatter.Parse("---\ntype: policy\ntitle: 通知\n---\n正文第一段\n\n第二段\n", "content/policies/a.md", problems);

        Assert.Empty(problems);
        Assert.NotNull(document);
        Assert.Equal("通知", ((YamlScalarNode)document.Fields["title"]).Value);
        Assert.Equal("正文第一段\n\n第二段\n", document.Body);
    }

    [Fact]
    public void AcceptsByteOrderMarkAndWindowsLineEnds()
    {
        var problems = new List<ContentProblem>();

        var document = FrontMatter.Parse("\uFEFF---\r\ntitle: 通知\r\n---\r\n正文\r\n", "content/policies/a.md", problems);

        Assert.Empty(problems);
        Assert.Equal("通知", ((YamlScalarNode)document!.Fields["title"]).Value);
        Assert.Equal("正文\n", document.Body);
    }

    [Theory]
    [InlineData("没有前言，直接正文。", 1, "---")]
    [InlineData("", 1, "---")]
    [InlineData("---\ntitle: 通知\n正文没有结束线\n", 1, "没有结束")]
    [InlineData("---\n---\n正文\n", 2, "为空")]
    [InlineData("---\n- 列表\n- 不是映射\n---\n", 2, "键: 值")]
    [InlineData("---\ntype: policy\ntitle: [未闭合\n---\n", 3, "YAML 格式错误")]
    [InlineData("---\ntype: policy\ntitle: 通知\n  date: 2019-04-16\n---\n", 4, "YAML 格式错误")]
    [InlineData("---\ntype: policy\ntitle: \"未闭合的引号\n---\n", 3, "YAML 格式错误")]
    public void ReportsBrokenFrontMatterWithTheFileLine(string text, int line, string fragment)
    {
        var problems = new List<ContentProblem>();

        var document = FrontMatter.Parse(text, "content/policies/a.md", problems);

        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Equal("content/policies/a.md", problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
    }
}
