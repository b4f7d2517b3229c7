using CreditSite.Search;

namespace CreditSite.Core.Tests.Search;

public sealed class QueryTextTests
{
    public static TheoryData<string?, string?> Dirty => new()
    {
        { null, null },
        { "   ", null },
        { "  诚信  ", "诚信" },
        { "诚\u0000信", "诚 信" },
        { "诚\ud800信", "诚 信" },
        { "\udc00诚信", "诚信" },
        { "\u0007", null },
        { "诚信\uFEFF", "诚信" },
        { "😀诚信", "😀诚信" },
        { "王𠀀𪚥", "王𠀀𪚥" },
        { "𬌗科技", "𬌗科技" },
        { "𰻞𰻞面馆", "𰻞𰻞面馆" },
        { "\"*AND\\(~:", "\"*AND\\(~:" },
    };

    [Theory]
    [MemberData(nameof(Dirty), DisableDiscoveryEnumeration = true)]
    public void KeepsValidSurrogatePairsAndDropsControlsAndLoneHalves(string? input, string? expected)
    {
        Assert.Equal(expected, QueryText.Clean(input));
    }

    [Fact]
    public void CutsAtTheSharedLimitCountingASupplementaryCharacterOnceAndNeverSplittingIt()
    {
        var input = new string('诚', QueryText.MaxLength - 1) + "𰻞" + "信信";

        var cleaned = QueryText.Clean(input);

        Assert.Equal(new string('诚', QueryText.MaxLength - 1) + "𰻞", cleaned);
    }

    [Fact]
    public void TheEmbeddedEngineCleansWithTheSameRule()
    {
        var input = "𪚥\u0001" + new string('信', 300);

        Assert.Equal(QueryText.Clean(input), CreditSite.Search.Embedded.SearchAnalysis.CleanQueryText(input));
    }
}
