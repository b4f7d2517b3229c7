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

    /// <summary>Extension B (𠀀 𪚥) is in Lucene's Unicode tables, extensions E (𬌗) and G (𰻞) are not: all four must
    /// pair with their neighbours and stand alone, or a name holding one cannot be found by it.</summary>
    [Theory]
    [InlineData("王𰻞𠀀", "王|王𰻞|𰻞|𰻞𠀀|𠀀")]
    [InlineData("𪚥𬌗科技", "𪚥|𪚥𬌗|𬌗|𬌗科|科|科技|技")]
    [InlineData("A1 𰻞 b2", "a1|𰻞|b2")]
    public void NameGramsHoldCharactersOfEveryCjkExtension(string text, string expected)
    {
        Assert.Equal(expected, Terms(_analysis.Grams, text));
    }

    [Fact]
    public void OffsetsOfSupplementaryCharactersPointIntoTheOriginalText()
    {
        var tokens = SearchAnalysis.Tokens(_analysis.Grams, "f", "ab 𰻞面");

        Assert.Contains(tokens, t => t.Term == "𰻞面" && t.Start == 3 && t.End == 6);
        Assert.Contains(tokens, t => t.Term == "ab" && t.Start == 0 && t.End == 2);
    }

    [Fact]
    public void BodyBigramsFoldWidthAndCaseAndKeepNumbers()
    {
        Assert.Equal("常市|市监|监罚|2024|123|号", Terms(_analysis.Bigrams, "常市监罚〔2024〕123号"));
        Assert.Equal("abc123|and|x", Terms(_analysis.Bigrams, "ＡＢＣ１２３ AND \"x\" * \\ ( ~ :"));
    }

    /// <summary>The site's lower-casing must give the same terms as Lucene's <c>LowerCaseFilter</c>, or text indexed
    /// before and queries typed after would stop meeting.</summary>
    [Theory]
    [InlineData("ABC xyz Q123")]
    [InlineData("常州恒达建材有限公司")]
    [InlineData("ÀÉÎÕÜ Ñ Ç ß")]
    [InlineData("ΑΒΓ ΣΑΣ Москва")]
    [InlineData("한국어 カタカナ ひらがな")]
    [InlineData("Ⅻ Ⓐ ǅ")]
    [InlineData("𝐀𝐁 𐐀𐐁")]
    public void LowerCasesExactlyAsLuceneDoes(string text)
    {
        static string Lower(string input, bool lucene)
        {
            using var tokenizer = new Lucene.Net.Analysis.Core.WhitespaceTokenizer(SearchAnalysis.Version, new StringReader(input));
            using Lucene.Net.Analysis.TokenStream stream = lucene
                ? new Lucene.Net.Analysis.Core.LowerCaseFilter(SearchAnalysis.Version, tokenizer)
                : new InvariantLowerCaseFilter(tokenizer);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            var terms = new List<string>();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
            return string.Join('|', terms);
        }

        Assert.Equal(Lower(text, lucene: true), Lower(text, lucene: false));
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
}
