using CreditSite.Search;
using CreditSite.Search.Embedded;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Store;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>A bulk load replays the SmartCn words of a name it has seen instead of segmenting it again; the index must be
/// the one SmartCn itself would have given (terms, frequencies, lengths), or queries analysed by SmartCn would stop
/// meeting what was indexed, and ranking would change.</summary>
public sealed class NameWordsCacheTests : IDisposable
{
    private static readonly string[] Names =
    [
        "常州恒达建材有限公司",
        "常州恒达建材有限公司（行政许可）",
        "常州市天宁区诚信食品有限公司（行政处罚）",
        "江苏ABC Technologies科技有限公司",
        "Running Dogs Trading Co., Ltd.",
        "ＡＢＣ１２３食品店。",
        "张伟（个体工商户）",
        "王𰻞𠀀",
        "张",
        "，。！",
        "",
        "常州 恒达  建材",
        "钟楼区 123 号，“诚信”商行！",
    ];

    private readonly SearchAnalysis _analysis = new();

    public static TheoryData<string> Samples => new(Names);

    public void Dispose() => _analysis.Dispose();

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReplayedWordsAreSmartCnsTokensTheFirstTimeAndAfter(string name)
    {
        var cache = new NameWordsCache(_analysis.Words, slots: 16);
        var expected = Tokens(_analysis.Words.GetTokenStream(IndexFields.NameWords, name));

        Assert.Equal(expected, Replayed(cache, name)); // analysed now
        Assert.Equal(expected, Replayed(cache, name)); // from the cache
    }

    [Fact]
    public void NamesSharingASlotEachGetTheirOwnWords()
    {
        // One slot: every name pushes out the one before, and a name must never be given another's words.
        var cache = new NameWordsCache(_analysis.Words, slots: 1);
        foreach (var name in Names.Concat(Names).Reverse())
        {
            Assert.Equal(Tokens(_analysis.Words.GetTokenStream(IndexFields.NameWords, name)), Replayed(cache, name));
        }
    }

    [Fact]
    public void ACacheThatGrewKeepsMostNamesAndStillGivesEachItsOwnWords()
    {
        // 5,000 names: more than the first 4,096 slots, so the array grows (names move over) while being filled.
        var names = Enumerable.Range(0, 5000).Select(i => $"常州第{i}号建材有限公司（行政许可）").ToList();
        var asked = new CountingAnalyzer(_analysis.Words);
        var cache = new NameWordsCache(asked, slots: 1 << 16);
        Assert.Equal(4096, cache.Slots); // a small load allocates little
        foreach (var name in names)
        {
            cache.Get(name);
        }

        Assert.Equal(names.Count, asked.Calls);
        Assert.Equal(16384, cache.Slots);
        foreach (var name in names)
        {
            cache.Get(name);
        }

        // Those still held when the array grew were moved to where a lookup finds them: most are found again (were
        // they lost in the move, over four in five would be analysed again).
        Assert.InRange(asked.Calls - names.Count, 0, names.Count * 3 / 5);
        foreach (var name in names.Where((_, i) => i % 250 == 0))
        {
            Assert.Equal(Tokens(_analysis.Words.GetTokenStream(IndexFields.NameWords, name)), Replayed(cache, name));
        }
    }

    [Fact]
    public void BulkLoadWithReplayedNamesIndexesWhatTheAnalyserWouldHave()
    {
        // A subject's records repeat its name; a registry record adds its former names; long names bypass the cache.
        var documents = new List<SearchDocument>();
        for (var i = 0; i < 60; i++)
        {
            var name = Names[i % 5] is { Length: > 0 } n && i % 7 != 0 ? n : $"常州第{i % 9}建筑工程有限公司";
            documents.Add(i % 3 == 0 ? Licence($"XK-{i}", name, usccSerial: 100 + (i % 9)) : Commitment($"CN-{i}", name, usccSerial: 100 + (i % 9)));
        }

        documents.Add(Registry(7, "常州恒达建材有限公司", ["常州恒达建材厂", "江苏ABC Technologies科技有限公司"]));
        documents.Add(Licence("XK-long", string.Concat(Enumerable.Repeat("诚信建设示范企业", 600))));

        var asked = new CountingAnalyzer(_analysis.Words);
        using var replayed = Index(documents, new NameWordsCache(asked));
        using var analysed = Index(documents, nameWords: null);

        // The cache was really used: SmartCn was asked once per distinct cacheable name, not once per document.
        var distinct = documents.SelectMany(IndexFields.Names).Where(n => n.Length <= NameWordsCache.MaxNameLength).Distinct().Count();
        Assert.Equal(distinct, asked.Calls);
        Assert.True(distinct < documents.Count / 2);

        Assert.Equal(Postings(analysed), Postings(replayed));
        Assert.Equal(Norms(analysed), Norms(replayed));
    }

    private DirectoryReader Index(IEnumerable<SearchDocument> documents, NameWordsCache? nameWords)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.Version, _analysis.Indexing)))
        using (var builder = new LuceneDocumentBuilder(nameWords))
        {
            foreach (var document in documents)
            {
                writer.AddDocument(builder.Build(document));
            }

            writer.Commit();
        }

        return DirectoryReader.Open(directory);
    }

    /// <summary>Every name_words term with its documents (by id) and frequency in each.</summary>
    private static List<string> Postings(DirectoryReader reader)
    {
        var ids = Ids(reader);
        var postings = new List<string>();
        var terms = MultiFields.GetTerms(reader, IndexFields.NameWords).GetEnumerator();
        while (terms.MoveNext())
        {
            var docs = terms.Docs(MultiFields.GetLiveDocs(reader), null, DocsFlags.FREQS);
            var entries = new List<string>();
            while (docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                entries.Add($"{ids[docs.DocID]}×{docs.Freq}");
            }

            postings.Add($"{terms.Term.Utf8ToString()}: {string.Join(' ', entries.Order(StringComparer.Ordinal))}");
        }

        Assert.NotEmpty(postings);
        return postings;
    }

    /// <summary>Each document's encoded length norm of name_words (the number of words, overlaps discounted).</summary>
    private static List<string> Norms(DirectoryReader reader)
    {
        var ids = Ids(reader);
        var norms = MultiDocValues.GetNormValues(reader, IndexFields.NameWords);
        return [.. Enumerable.Range(0, reader.MaxDoc).Select(doc => $"{ids[doc]}={norms.Get(doc)}").Order(StringComparer.Ordinal)];
    }

    private static string[] Ids(DirectoryReader reader) =>
        [.. Enumerable.Range(0, reader.MaxDoc).Select(doc => IndexFields.FromLucene(reader.Document(doc)).Id)];

    private static List<string> Replayed(NameWordsCache cache, string name)
    {
        var stream = new ReplayedWords();
        stream.Load(cache.Get(name));
        return Tokens(stream);
    }

    /// <summary>Term, increment and offsets of each token, then the final increment and offset that <c>End()</c> gives.</summary>
    private static List<string> Tokens(TokenStream stream)
    {
        var tokens = new List<string>();
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add($"{term} +{increment.PositionIncrement} [{offset.StartOffset},{offset.EndOffset})");
            }

            stream.End();
            tokens.Add($"end +{increment.PositionIncrement} [{offset.StartOffset},{offset.EndOffset})");
        }

        return tokens;
    }

    /// <summary>Counts how often the wrapped analyser is asked for a token stream (each request reads a new text).</summary>
    private sealed class CountingAnalyzer(Analyzer inner) : AnalyzerWrapper(inner.Strategy)
    {
        private int _calls;

        public int Calls => _calls;

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => inner;

        protected override TextReader WrapReader(string fieldName, TextReader reader)
        {
            Interlocked.Increment(ref _calls);
            return reader;
        }
    }
}
