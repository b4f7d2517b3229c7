using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>How text is cut into terms, for indexing and for queries alike.
/// <list type="bullet">
/// <item><c>name_words</c>: SmartCn words (常州市|天|宁|区|诚信|食品|有限公司) — dictionary words score well.</item>
/// <item><c>name_grams</c>: CJK bigrams plus single characters (常|常州|州|州市|…): any two adjacent characters of a
/// name find it, even the place and brand names SmartCn does not know (天宁, 恒达); single characters let a surname
/// alone (张) find a person.</item>
/// <item><c>body</c>: CJK bigrams only (plus characters that stand alone), for bodies and the descriptive fields.</item>
/// </list>
/// Latin words and numbers go through the standard tokenizer, lower-cased; full-width forms are folded to half-width.</summary>
internal sealed class SearchAnalysis : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const int MaxHighlightLength = 20_000;

    public SearchAnalysis()
    {
        Words = new SmartChineseAnalyzer(Version);
        Grams = new BigramAnalyzer(withUnigrams: true);
        Bigrams = new BigramAnalyzer(withUnigrams: false);
        Indexing = new PerFieldAnalyzerWrapper(Bigrams, new Dictionary<string, Analyzer>
        {
            [IndexFields.NameWords] = Words,
            [IndexFields.NameGrams] = Grams,
            [IndexFields.Body] = Bigrams,
        });
    }

    public Analyzer Words { get; }

    public Analyzer Grams { get; }

    public Analyzer Bigrams { get; }

    public Analyzer Indexing { get; }

    /// <summary>User text made safe to analyse (<see cref="QueryText.Clean"/>). Everything else (quotes, stars, AND,
    /// backslashes…) stays: it is only ever fed to analysers, never to a query parser.</summary>
    public static string CleanQueryText(string? text) => QueryText.Clean(text) ?? string.Empty;

    public static List<AnalysedToken> Tokens(Analyzer analyzer, string field, string text, int maxLength = int.MaxValue)
    {
        var tokens = new List<AnalysedToken>();
        if (text.Length == 0)
        {
            return tokens;
        }

        var input = text.Length > maxLength ? text[..maxLength] : text;
        using var stream = analyzer.GetTokenStream(field, input);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalysedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>Where the query's terms occur in <paramref name="text"/>, as merged character ranges.</summary>
    public List<(int Start, int End)> MatchRanges(string text, IReadOnlySet<string> queryTerms)
    {
        var ranges = new List<(int Start, int End)>();
        if (queryTerms.Count == 0 || text.Length == 0)
        {
            return ranges;
        }

        foreach (var token in Tokens(Grams, IndexFields.NameGrams, text, MaxHighlightLength))
        {
            if (!queryTerms.Contains(token.Term))
            {
                continue;
            }

            if (ranges.Count > 0 && token.Start <= ranges[^1].End)
            {
                var last = ranges[^1];
                ranges[^1] = (last.Start, Math.Max(last.End, token.End));
            }
            else
            {
                ranges.Add((token.Start, token.End));
            }
        }

        return ranges;
    }

    public void Dispose()
    {
        Indexing.Dispose();
        Words.Dispose();
        Grams.Dispose();
        Bigrams.Dispose();
    }

    /// <summary>Standard tokenizer (extended to every CJK extension by <see cref="HanTokenizer"/>), width folding, lower case, CJK bigrams
    /// (<see cref="HanBigramFilter"/>, the tokens of Lucene's <c>CJKBigramFilter</c>).</summary>
    private sealed class BigramAnalyzer(bool withUnigrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new HanTokenizer(reader);
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new InvariantLowerCaseFilter(stream);
            stream = new HanBigramFilter(stream, withUnigrams);
            return new TokenStreamComponents(tokenizer, stream);
        }

        // Keeps phrases from matching across two values of a multi-valued field (title and subject name).
        public override int GetPositionIncrementGap(string fieldName) => 100;
    }
}

/// <summary>Lower-cases terms like Lucene's <c>LowerCaseFilter</c> (culture-invariant), without its per-term call into the
/// culture machinery, which was an eighth of a search's time (highlighting analyses every hit's title and body): ASCII
/// directly, Chinese, Japanese and Korean characters (no case) left alone, anything else by the invariant mapping.</summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(c | 0x20);
                }
            }
            else if (c is (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF'))
            {
                // CJK radicals to Yi, Hangul syllables, CJK compatibility ideographs: no case.
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]))
            {
                var lower = Rune.ToLowerInvariant(new Rune(c, buffer[i + 1]));
                if (lower.Utf16SequenceLength == 2)
                {
                    lower.EncodeToUtf16(buffer.AsSpan(i, 2));
                }

                i++;
            }
            else
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }

        return true;
    }
}

internal readonly record struct AnalysedToken(string Term, int Position, int Start, int End);
