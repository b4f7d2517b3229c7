using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The index the site creates: names, analysers and the explicit, strict mapping. Nothing is left to dynamic
/// mapping, so a document with an unknown field is refused instead of silently changing the index.</summary>
internal static class DocumentIndex
{
    /// <summary>Chinese words: SmartCn segmentation with the plugin, CJK bigrams without it.</summary>
    public const string WordsAnalyzer = "creditsite_words";

    /// <summary>Indexes single characters and bigrams so any part of a name matches, even one character (a surname).</summary>
    public const string BigramIndexAnalyzer = "creditsite_bigram_index";

    /// <summary>Queries with bigrams only (a lone character stays a unigram), so "诚信食品" needs 诚信, 信食 and 食品.</summary>
    public const string BigramSearchAnalyzer = "creditsite_bigram_search";

    public const string BigramSubfield = "bigram";
    public const string NameWordsField = "name_words";
    public const string NameGramsField = "name_grams";
    public const string AllGramsField = "all_grams";

    /// <summary>The mapping's version, kept in the index's <c>_meta</c> (<c>GET creditsite-documents/_mapping</c> shows
    /// which version serves). A change of the mapping raises it, and takes effect in a new index built by
    /// <c>creditsite reindex</c> (docs/elasticsearch.md, "When the mapping changes"). 1: list entries and content;
    /// 2: public records and registry records (<c>record_status</c>, <c>withdrawn</c>, <c>penalty_types</c>,
    /// <c>former_names</c>); 3: <c>group_key</c>, what the one-stop query collapses on.</summary>
    public const int MappingVersion = 3;

    /// <summary>One row of the one-stop query (<see cref="SearchRequest.GroupBySubject"/>): the subject key, or the
    /// document's own id when it has no subject (a policy). A single-valued keyword with doc values, as <c>collapse</c>
    /// and <c>cardinality</c> need.</summary>
    public const string GroupKeyField = "group_key";

    public const string MappingVersionKey = "creditsite_mapping_version";

    public static string NewIndexName(string prefix, DateTimeOffset now) =>
        $"{prefix}-documents-v{now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";

    public static CreateIndexRequest CreateRequest(string indexName, ElasticsearchAnalyzer analyzer, ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (analyzer == ElasticsearchAnalyzer.Auto)
        {
            throw new ArgumentException("Resolve Auto to Smartcn or Cjk before creating an index.", nameof(analyzer));
        }

        return new CreateIndexRequest(indexName)
        {
            Settings = new IndexSettings
            {
                NumberOfShards = options.NumberOfShards,
                // Replicas and refresh are switched on after the bulk load (see LoadedSettings): loading is faster
                // without them and nobody searches this index until the alias moves to it.
                NumberOfReplicas = 0,
                RefreshInterval = Duration.MinusOne,
                MaxResultWindow = options.MaxResultWindow,
                Analysis = Analysis(analyzer),
            },
            Mappings = Mapping(analyzer),
        };
    }

    public static IndexSettings LoadedSettings(ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new IndexSettings
        {
            NumberOfReplicas = options.NumberOfReplicas,
            RefreshInterval = new Duration(TimeSpan.FromSeconds(1)),
        };
    }

    private static IndexSettingsAnalysis Analysis(ElasticsearchAnalyzer analyzer)
    {
        var words = analyzer == ElasticsearchAnalyzer.Smartcn
            ? new CustomAnalyzer { Tokenizer = "smartcn_tokenizer", Filter = ["cjk_width", "lowercase", "smartcn_stop"] }
            : new CustomAnalyzer { Tokenizer = "standard", Filter = ["cjk_width", "lowercase", "cjk_bigram"] };
        return new IndexSettingsAnalysis
        {
            TokenFilters = new TokenFilters
            {
                { "creditsite_bigram_with_unigrams", new CjkBigramTokenFilter { OutputUnigrams = true } },
                { "creditsite_bigram_only", new CjkBigramTokenFilter { OutputUnigrams = false } },
            },
            Analyzers = new Analyzers
            {
                { WordsAnalyzer, words },
                { BigramIndexAnalyzer, new CustomAnalyzer { Tokenizer = "standard", Filter = ["cjk_width", "lowercase", "creditsite_bigram_with_unigrams"] } },
                { BigramSearchAnalyzer, new CustomAnalyzer { Tokenizer = "standard", Filter = ["cjk_width", "lowercase", "creditsite_bigram_only"] } },
            },
        };
    }

    private static TypeMapping Mapping(ElasticsearchAnalyzer analyzer)
    {
        _ = analyzer; // The analyser choice lives in the analysis settings; field mappings name it and stay the same.
        Fields names = new[] { NameWordsField, NameGramsField, AllGramsField };
        Fields all = AllGramsField;
        return new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Meta = new Dictionary<string, object> { [MappingVersionKey] = MappingVersion },
            Properties = new Properties
            {
                { "id", new KeywordProperty() },
                { "type", new KeywordProperty() },
                { "title", ChineseText(names) },
                { "body", ChineseText(all) },
                { "url", new KeywordProperty { Index = false, DocValues = false } },
                { "date", new DateProperty { Format = "strict_date" } },
                { "entry_id", new KeywordProperty() },
                { "list_kind", new KeywordProperty() },
                { "subject_type", new KeywordProperty() },
                { "subject_name", ChineseText(names) },
                { "subject_key", new KeywordProperty() },
                { GroupKeyField, new KeywordProperty() },
                { "uscc", new KeywordProperty() },
                { "resident_id_hash", new KeywordProperty() },
                { "masked_id_number", new KeywordProperty { Index = false, DocValues = false } },
                { "field", new KeywordProperty { CopyTo = all } },
                { "issuing_department", new KeywordProperty { CopyTo = all } },
                { "decision_number", new KeywordProperty { CopyTo = all } },
                { "public_until", new DateProperty { Format = "strict_date" } },
                { "severity", new KeywordProperty() },
                { "status", new KeywordProperty() },
                { "legal_basis", new TextProperty { Analyzer = WordsAnalyzer, CopyTo = all } },
                { "category", new KeywordProperty { CopyTo = all } },
                // Public records: the record's own status (shown), whether its status takes it out of view (never
                // returned), and a penalty's 处罚类别 (filter and facet; the body already says them).
                { "record_status", new KeywordProperty() },
                { "withdrawn", new BooleanProperty() },
                { "penalty_types", new KeywordProperty() },
                // Registry records: 曾用名, searched like the name.
                { "former_names", new TextProperty { Analyzer = WordsAnalyzer, CopyTo = names } },
                // Shown, not searched: its words are in the body already.
                { "summary", new TextProperty { Index = false } },
                // Search-only fields filled by copy_to (not in _source): names by words and by bigrams, and every
                // text a person may type (names, body, department, field, decision number, legal basis, category).
                { NameWordsField, new TextProperty { Analyzer = WordsAnalyzer } },
                { NameGramsField, Grams() },
                { AllGramsField, Grams() },
            },
        };
    }

    /// <summary>Words for scoring, a bigram subfield for highlighting.</summary>
    private static TextProperty ChineseText(Fields copyTo) => new()
    {
        Analyzer = WordsAnalyzer,
        CopyTo = copyTo,
        Fields = new Properties { { BigramSubfield, Grams() } },
    };

    private static TextProperty Grams() => new() { Analyzer = BigramIndexAnalyzer, SearchAnalyzer = BigramSearchAnalyzer };
}
