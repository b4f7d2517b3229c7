using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>How Elasticsearch 9 answers to a search become <see cref="SearchResults"/>, and which answers mean the
/// search service is unavailable.</summary>
public sealed class ElasticsearchSearchResultsTests
{
    private static readonly SearchRequest FoodQuery = new() { Text = "诚信食品", Today = new DateOnly(2026, 3, 1) };

    private static CannedCluster Answering(params CannedResponse[] answers) =>
        new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search", answers);

    [Fact]
    public async Task ReadsHitsWithTheirDocumentsScoresAndTotal()
    {
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchWithHighlightsAndFacets))).SearchAsync(FoodQuery);

        Assert.Equal(2, results.Total);
        Assert.Equal(["entry:JS-1", "policy:food-safety"], results.Hits.Select(h => h.Document.Id));
        var entry = results.Hits[0].Document;
        Assert.Equal(DocumentType.ListEntry, entry.Type);
        Assert.Equal(ListKind.Black, entry.ListKind);
        Assert.Equal(SubjectType.LegalPerson, entry.SubjectType);
        Assert.Equal(EntryStatus.UnderObjection, entry.Status);
        Assert.Equal(Severity.General, entry.Severity);
        Assert.Equal(new DateOnly(2026, 6, 1), entry.PublicUntil);
        Assert.Equal("常市监罚〔2025〕12号", entry.DecisionNumber);
        Assert.Equal(7.2, results.Hits[0].Score, 3);
        Assert.Equal(DocumentType.Policy, results.Hits[1].Document.Type);
        Assert.Null(results.Hits[1].Document.ListKind);
    }

    [Fact]
    public async Task HighlightsBecomeEncodedHtmlWhoseOnlyMarkupIsMark()
    {
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchWithHighlightsAndFacets))).SearchAsync(FoodQuery);

        // Adjacent word marks are joined into one.
        Assert.Equal("常州市天宁区<mark>诚信食品</mark>有限公司", results.Hits[0].TitleHtml);
        var snippet = results.Hits[0].SnippetHtml;
        Assert.Contains("<mark>食品</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;整改&lt;&#x2F;b&gt; &amp; 复查", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);

        // No match in the body: the snippet is the start of the body, encoded by the engine.
        Assert.Equal("关于加强<mark>食品</mark>安全<mark>诚信</mark>建设的通知", results.Hits[1].TitleHtml);
        Assert.Equal("全市食品生产经营者应当……", results.Hits[1].SnippetHtml);
    }

    [Fact]
    public async Task TheSnippetIsCutToAboutOneHundredTwentyCharactersAroundTheFirstMatch()
    {
        var hit = Assert.Single((await TestEngine.Create(Answering(CannedResponse.Ok(ElasticsearchResponses.SearchWithLongBody))).SearchAsync(FoodQuery)).Hits);

        Assert.Contains("<mark>诚信食品</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        var visible = hit.SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.InRange(visible.Length, 100, 140);
        Assert.StartsWith("…甲", visible, StringComparison.Ordinal);
        Assert.EndsWith("乙…", visible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HitsWithoutHighlightsAreHtmlEncodedByTheEngine()
    {
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchByIdentifier)))
            .SearchAsync(new SearchRequest { Identifier = new IdentifierFilter("91320402MA1XXXXX0L", null), Today = new DateOnly(2026, 3, 1) });

        var hit = Assert.Single(results.Hits);
        Assert.Equal("常州市&lt;天宁&gt;区诚信食品有限公司", hit.TitleHtml);
        Assert.Equal("未按规定落实食品安全自查制度 &lt;b&gt;整改&lt;/b&gt; &amp; 复查", hit.SnippetHtml);
        Assert.Equal(0, hit.Score);
    }

    [Fact]
    public async Task AggregationsBecomeFacetCountsByDimension()
    {
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchWithHighlightsAndFacets))).SearchAsync(FoodQuery);

        Assert.Equal([new FacetValue("list_entry", 1), new FacetValue("policy", 1)], results.Facets["type"]);
        Assert.Equal([new FacetValue("black", 1)], results.Facets["list_kind"]);
        Assert.Equal([new FacetValue("食品药品", 1)], results.Facets["field"]);
        Assert.Equal([new FacetValue("市市场监督管理局", 1)], results.Facets["department"]);
        Assert.Equal([new FacetValue("legal_person", 1)], results.Facets["subject_type"]);
    }

    [Fact]
    public async Task ReadsRecordHitsWithTheirStatusPenaltyTypesCategoryAndFormerNames()
    {
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchRecordsWithFacets)))
            .SearchAsync(new SearchRequest { Identifier = new IdentifierFilter("91320402MA1XXXXX0L", null), Today = new DateOnly(2026, 3, 1) });

        Assert.Equal(3, results.Total);
        var penalty = results.Hits[0].Document;
        Assert.Equal(DocumentType.Penalty, penalty.Type);
        Assert.Equal("CZ-CF-2026-0001", penalty.EntryId);
        Assert.Equal(RecordStatus.UnderObjection, penalty.RecordStatus);
        Assert.Null(penalty.Status);
        Assert.False(penalty.Withdrawn);
        Assert.Equal(["警告", "罚款"], penalty.PenaltyTypes);
        Assert.Equal(Severity.General, penalty.Severity);
        Assert.Equal(new DateOnly(2027, 2, 10), penalty.PublicUntil);
        Assert.Equal("警告，罚款人民币2万元。", penalty.Summary);

        var licence = results.Hits[1].Document;
        Assert.Equal(DocumentType.Licence, licence.Type);
        Assert.Equal(RecordStatus.Revoked, licence.RecordStatus);
        Assert.Equal("特许", licence.Category);
        Assert.Null(licence.PenaltyTypes);

        var subject = results.Hits[2].Document;
        Assert.Equal(DocumentType.Subject, subject.Type);
        Assert.Equal(["常州市恒达水泥制品厂", "常州恒达建筑材料厂"], subject.FormerNames);
        Assert.Null(subject.RecordStatus);
        Assert.Equal("/subjects/91320402MA1XXXXX0L", subject.Url);
    }

    [Fact]
    public async Task CategoryAndPenaltyTypeAggregationsBecomeFacets()
    {
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchRecordsWithFacets))).SearchAsync(FoodQuery);

        Assert.Equal([new FacetValue("licence", 1), new FacetValue("penalty", 1), new FacetValue("subject", 1)], results.Facets["type"]);
        Assert.Equal([new FacetValue("特许", 1)], results.Facets["category"]);
        Assert.Equal([new FacetValue("罚款", 1), new FacetValue("警告", 1)], results.Facets["penalty_type"]);
        Assert.Empty(results.Facets["list_kind"]);
    }

    [Fact]
    public async Task AnAnswerWithoutTheRecordAggregationsAndFieldsReadsAsNoRecordFacetsAndNoRecordStatus()
    {
        // An answer of the first mapping's shape (list entries and content only): the record facets are empty, not an
        // error, and the hits are neither withdrawn nor carry a record status.
        var results = await TestEngine.Create(Answering(CannedResponse.Ok(SearchWithHighlightsAndFacets))).SearchAsync(FoodQuery);

        Assert.Equal(2, results.Total);
        Assert.Empty(results.Facets["category"]);
        Assert.Empty(results.Facets["penalty_type"]);
        Assert.False(results.Hits[0].Document.Withdrawn);
        Assert.Null(results.Hits[0].Document.RecordStatus);
    }

    [Fact]
    public async Task AMissingIndexAnswersWithNoResultsRatherThanAnError()
    {
        var results = await TestEngine.Create(Answering(new CannedResponse(404, IndexNotFound))).SearchAsync(FoodQuery);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        Assert.Empty(results.Facets["type"]);
    }

    [Fact]
    public async Task CountsDocumentsThroughTheAliasAndZeroBeforeTheFirstIndex()
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_count", CannedResponse.Ok(Count));
        Assert.Equal(10234, await TestEngine.Create(cluster).CountAsync());

        var empty = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_count", new CannedResponse(404, IndexNotFound));
        Assert.Equal(0, await TestEngine.Create(empty).CountAsync());
    }

    [Fact]
    public async Task PartialResultsFromFailedShardsAreAnOutageNotAnAnswer()
    {
        var engine = TestEngine.Create(Answering(CannedResponse.Ok(SearchWithShardFailure)));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(FoodQuery));
    }

    [Fact]
    public async Task AllShardsFailedIsRetriedAndThenUnavailable()
    {
        var cluster = Answering(new CannedResponse(503, AllShardsFailed));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.MaxRetries = 2));

        var outage = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(FoodQuery));

        Assert.Equal(3, cluster.Requests.Count);
        Assert.True(outage.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedWithBackoffUntilTheClusterAnswers()
    {
        var cluster = Answering(new CannedResponse(429, TooManyRequests), new CannedResponse(429, TooManyRequests), CannedResponse.Ok(SearchWithHighlightsAndFacets));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.MaxRetries = 2));

        var results = await engine.SearchAsync(FoodQuery);

        Assert.Equal(2, results.Total);
        Assert.Equal(3, cluster.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequestsThatNeverEndsIsAnOutage()
    {
        var cluster = Answering(new CannedResponse(429, TooManyRequests));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.MaxRetries = 1));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(FoodQuery));
        Assert.Equal(2, cluster.Requests.Count);
    }

    [Fact]
    public async Task ARefusedSearchIsNotRetriedAndShowsAsAnOutage()
    {
        var cluster = Answering(new CannedResponse(400, MappingRefused));
        var engine = TestEngine.Create(cluster);

        var outage = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(FoodQuery));

        Assert.Single(cluster.Requests);
        Assert.Contains("搜索服务暂时不可用", outage.Message, StringComparison.Ordinal);
    }
}
