using CreditSite.Search.Embedded;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;

namespace CreditSite.Core.Tests.Search;

/// <summary>The index's bigram filter must cut text exactly as Lucene's <c>CJKBigramFilter</c> did before it (terms,
/// offsets, positions, types), or an index written before would stop meeting queries analysed after, and highlighting
/// would mark other characters.</summary>
public sealed class HanBigramFilterTests
{
    private static readonly string[] Samples =
    [
        "常州恒达建材有限公司",
        "常州东顺办公设备有限公司（行政许可）",
        "变更事项：注册资本。\n常新市监登〔2021〕1号\n常州市新北区市场监督管理局\n登记",
        "常市监罚〔2024〕123号 罚款、没收违法所得 320402********0012",
        "91320411550730083G 营业执照",
        "张",
        "张 王",
        "A张B",
        "张1",
        "1张",
        "ABC xyz Q123",
        "ＡＢＣ１２３ AND \"x\" * \\ ( ~ :",
        "王𰻞𠀀",
        "𪚥𬌗科技",
        "A1 𰻞 b2",
        "ab 𰻞面",
        "カタカナとひらがな 한국어 단어",
        "ｶﾞｷﾞｸﾞ 半角カナ",
        "食品，药品；安全。生产",
        "a 常 b 州 c",
        "公司😀公司",
        "",
        "   ",
        "《中华人民共和国食品安全法》第一百二十二条第一款",
        string.Concat(Enumerable.Repeat("诚信建设示范企业", 30)),
    ];

    public static TheoryData<string> Texts => new(Samples);

    [Theory]
    [MemberData(nameof(Texts))]
    public void BigramsAreTheTokensOfCjkBigramFilter(string text)
    {
        Assert.Equal(Tokens(Reference(withSingles: false), text), Tokens(Site(withSingles: false), text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void BigramsWithSingleCharactersAreTheTokensOfCjkBigramFilter(string text)
    {
        Assert.Equal(Tokens(Reference(withSingles: true), text), Tokens(Site(withSingles: true), text));
    }

    [Fact]
    public void OneAnalyserGivesTheSameTokensForManyTextsInARow()
    {
        // Reused streams must not carry a run or a read-ahead token from one text into the next.
        using var site = Site(withSingles: true);
        using var reference = Reference(withSingles: true);
        foreach (var text in Samples)
        {
            Assert.Equal(Tokens(reference, text), Tokens(site, text));
        }
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}/{offset.StartOffset}-{offset.EndOffset}/+{increment.PositionIncrement}x{length.PositionLength}/{type.Type}");
        }

        stream.End();
        tokens.Add($"end {offset.EndOffset}");
        return tokens;
    }

    private static Analyzer Site(bool withSingles) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new HanTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new HanBigramFilter(new InvariantLowerCaseFilter(new CJKWidthFilter(tokenizer)), withSingles));
    });

    private static Analyzer Reference(bool withSingles) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new HanTokenizer(reader);
        const CJKScript All = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;
        return new TokenStreamComponents(tokenizer, new CJKBigramFilter(new InvariantLowerCaseFilter(new CJKWidthFilter(tokenizer)), All, withSingles));
    });
}
