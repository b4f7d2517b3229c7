using CreditSite.Search.Embedded;

namespace CreditSite.Core.Tests.Search;

/// <summary>The tokens docs/search.md shows, and the cleaning of user text before analysis.</summary>
public sealed class SearchAnalysisTests : IDisposable
{
    private readonly SearchAnalysis _analysis = new();

    public void Dispose() => _analysis.Dispose();

    private static string Terms(Lucene.Net.Analysis.Analyzer analyzer, string text) =>
        string.Join('|', SearchAnalysis.Tokens(analyzer, "f", text).Select(t => t.Term));

    [Fact]
    public void SmartCnCutsDictionaryWordsAndSplitsUnknownPlaceNames()
    {
        Assert.Equal("常州市|天|宁|区|诚信|食品|有限公司", Terms(_analysis.Words, "常州市天宁区诚信食品有限公司"));
        Assert.Equal("常州|恒|达|建材|有限公司", Terms(_analysis.Words, "常州恒达建材有限公司"));
    }

    [Fact]
    public void NameGramsHoldEveryPairOfAdjacentCharactersAndEachCharacter()
    {
        Assert.Equal("常|常州|州|州恒|恒|恒达|达|达建|建|建材|材|材有|有|有限|限|限公|公|公司|司", Terms(_analysis.Grams, "常州恒达建材有限公司"));
    }

    [Fact]
    public void BodyBigramsFoldWidthAndCaseAndKeepNumbers()
    {
        Assert.Equal("常市|市监|监罚|2024|123|号", Terms(_analysis.Bigrams, "常市监罚〔2024〕123号"));
        Assert.Equal("abc123|and|x", Terms(_analysis.Bigrams, "ＡＢＣ１２３ AND \"x\" * \\ ( ~ :"));
    }

    // Built at run time: attribute data cannot hold a lone surrogate (it is stored as UTF-8).
    public static TheoryData<string?, string> Dirty => new()
    {
        { null, "" },
        { "  诚信  ", "诚信" },
        { "诚\u0000信", "诚 信" },
        { "诚\ud800信", "诚 信" },
        { "\udc00诚信", "诚信" },
        { "😀诚信", "😀诚信" },
        { "\"*AND\\(~:", "\"*AND\\(~:" },
    };

    [Theory]
    [MemberData(nameof(Dirty), DisableDiscoveryEnumeration = true)]
    public void CleansControlCharactersAndLoneSurrogatesButKeepsEverythingElse(string? input, string expected)
    {
        Assert.Equal(expected, SearchAnalysis.CleanQueryText(input));
    }

    [Fact]
    public void CutsQueriesAtTwoHundredCharactersWithoutSplittingASurrogatePair()
    {
        var input = new string('诚', 199) + "😀" + new string('信', 100);

        var cleaned = SearchAnalysis.CleanQueryText(input);

        Assert.Equal(new string('诚', 199), cleaned);
    }
}
