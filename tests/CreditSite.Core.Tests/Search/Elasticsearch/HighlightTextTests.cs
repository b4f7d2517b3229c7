using CreditSite.Search.Elasticsearch;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Cutting a highlighted body into a snippet without breaking its HTML.</summary>
public sealed class HighlightTextTests
{
    private static string Visible(string html) => html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

    [Fact]
    public void AShortBodyIsKeptWhole()
    {
        const string Html = "&lt;script&gt; 该公司 &amp; <mark>诚信</mark>食品经营部存在违法行为。";

        Assert.Equal(Html, HighlightText.Around(Html, 120));
    }

    [Fact]
    public void AMarkCutByTheWindowIsClosed()
    {
        var html = new string('甲', 30) + "<mark>" + new string('诚', 200) + "</mark>";

        var snippet = HighlightText.Around(html, 50);

        Assert.EndsWith("</mark>…", snippet, StringComparison.Ordinal);
        Assert.Equal(1, snippet.Split("<mark>").Length - 1);
        Assert.Equal(1, snippet.Split("</mark>").Length - 1);
    }

    [Fact]
    public void EntitiesCountAsOneCharacterAndAreNeverSplit()
    {
        var html = string.Concat(Enumerable.Repeat("&amp;", 100)) + "<mark>诚信</mark>" + string.Concat(Enumerable.Repeat("&lt;", 100));

        var snippet = HighlightText.Around(html, 40);

        Assert.Matches("^…(&amp;){20}<mark>诚信</mark>(&lt;){18}…$", snippet);
    }

    [Fact]
    public void AMatchNearTheEndStillFillsTheWindow()
    {
        var html = new string('甲', 300) + "<mark>诚信</mark>";

        var snippet = HighlightText.Around(html, 120);

        Assert.Equal(121, Visible(snippet).Length); // the ellipsis and 120 characters
        Assert.EndsWith("<mark>诚信</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void AdjacentMarksAreJoined()
    {
        Assert.Equal("常州<mark>诚信食品</mark>有限公司", HighlightText.JoinAdjacentMarks("常州<mark>诚信</mark><mark>食品</mark>有限公司"));
    }

    [Fact]
    public void TheStartOfABodyWithoutMatchesIsEncoded()
    {
        Assert.Equal("&lt;b&gt;甲乙…", HighlightText.Start("<b>甲乙丙丁", 5));
        Assert.Equal("甲乙", HighlightText.Start("甲乙", 5));
    }
}
