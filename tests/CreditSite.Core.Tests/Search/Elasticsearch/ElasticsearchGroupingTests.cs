using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>The one-stop query by subject on Elasticsearch: the page search it sends (collapse on group_key, rows by
/// cardinality, facets counting rows), the summaries search for the page's subjects, and how the two answers become
/// one row per subject.</summary>
public sealed class ElasticsearchGroupingTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly SearchRequest Grouped = new() { Text = "恒达", Today = Today, GroupBySubject = true };

    private const string SearchPath = "/creditsite-documents/_search";

    private static CannedCluster Answering(params string[] bodies) =>
        new CannedCluster().On(HttpMethod.POST, SearchPath, bodies.Select(CannedResponse.Ok).ToArray());

    private static async Task<(SearchResults Results, List<SentRequest> Sent)> Search(SearchRequest request, params string[] bodies)
    {
        var cluster = Answering(bodies);
        var results = await TestEngine.Create(cluster).SearchAsync(request);
        return (results, cluster.Requests);
    }

    [Fact]
    public async Task TheGroupedPageCollapsesOnTheGroupKeyAndCountsRowsByCardinality()
    {
        var (_, sent) = await Search(Grouped with { Page = 2, PageSize = 10 }, GroupedPage, GroupedSummaries);

        var page = sent[0].Json();
        Assert.Equal("group_key", (string?)page["collapse"]!["field"]);
        Assert.Null(page["collapse"]!["inner_hits"]); // summaries come from one second search, not a search per row
        Assert.Equal(10, (int?)page["from"]);
        Assert.Equal(10, (int?)page["size"]);
        // Documents are not counted: hits.total would count documents, the rows come from the cardinality.
        Assert.Equal(false, (bool?)page["track_total_hits"]);
        var rows = page["aggregations"]!["rows"]!["cardinality"]!;
        Assert.Equal("group_key", (string?)rows["field"]);
        Assert.Equal(40_000, (int?)rows["precision_threshold"]);
        // The query and the sort are the ungrouped search's.
        var ungrouped = (await Search(Grouped with { GroupBySubject = false, Page = 2, PageSize = 10 }, SearchEmpty)).Sent[0].Json();
        Assert.Equal(ungrouped["query"]!.ToJsonString(), page["query"]!.ToJsonString());
        Assert.Equal(ungrouped["sort"]!.ToJsonString(), page["sort"]!.ToJsonString());
        Assert.Equal(ungrouped["highlight"]!.ToJsonString(), page["highlight"]!.ToJsonString());
        Assert.Contains("allow_partial_search_results=false", sent[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupedFacetsCountRowsWithACardinalitySubAggregationAndOrderByIt()
    {
        var (_, sent) = await Search(Grouped, GroupedPage, GroupedSummaries);

        var aggregations = sent[0].Json()["aggregations"]!;
        foreach (var (dimension, field) in new[]
                 {
                     ("type", "type"), ("list_kind", "list_kind"), ("field", "field"), ("department", "issuing_department"),
                     ("subject_type", "subject_type"), ("category", "category"), ("penalty_type", "penalty_types"),
                 })
        {
            var facet = aggregations[dimension]!;
            Assert.Equal(field, (string?)facet["terms"]!["field"]);
            Assert.Equal("desc", (string?)facet["terms"]!["order"]![0]!["rows"]);
            Assert.Equal("asc", (string?)facet["terms"]!["order"]![1]!["_key"]);
            var rows = SubAggregations(facet)["rows"]!["cardinality"]!;
            Assert.Equal("group_key", (string?)rows["field"]);
            Assert.Equal(3_000, (int?)rows["precision_threshold"]);
        }

        var without = (await Search(Grouped with { WithFacets = false }, GroupedPage, GroupedSummaries)).Sent[0].Json()["aggregations"]!.AsObject();
        Assert.Equal(["rows"], without.Select(a => a.Key));
    }

    [Fact]
    public async Task APageBeyondTheResultWindowAsksForRowsWithoutCollapsing()
    {
        var (results, sent) = await Search(Grouped with { Page = 501, PageSize = 100 }, GroupedPageBeyondCountedRows);

        var page = sent[0].Json();
        Assert.Equal(0, (int?)page["size"]);
        Assert.Null(page["collapse"]);
        Assert.NotNull(page["aggregations"]!["rows"]);
        Assert.Equal(40_000, results.Total);
    }

    [Fact]
    public async Task TheSummariesSearchCoversEverythingInViewAboutThePagesSubjects()
    {
        var (_, sent) = await Search(Grouped with { Types = [DocumentType.Penalty, DocumentType.Licence] }, GroupedPage, GroupedSummaries);

        Assert.Equal(2, sent.Count);
        Assert.Equal(SearchPath, sent[1].Path);
        Assert.Contains("allow_partial_search_results=false", sent[1].Query, StringComparison.Ordinal);
        var body = sent[1].Json();
        Assert.Equal(0, (int?)body["size"]);
        Assert.Null(body["collapse"]);

        // Only visibility and the page's subjects: not the text, not the request's type filter.
        var filters = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(2, filters.Count);
        // The same visibility clause as the page's (the client writes a lone filter clause as an object).
        Assert.Equal(
            (await Search(Grouped with { Today = Today }, SearchEmpty)).Sent[0].Json()["query"]!["bool"]!["filter"]!.ToJsonString(),
            filters[0]!.ToJsonString());
        Assert.Equal([CompanyKey, PersonKey], filters[1]!["terms"]!["subject_key"]!.AsArray().Select(v => (string?)v));
        Assert.DoesNotContain("恒达", Text(filters), StringComparison.Ordinal);

        var subjects = body["aggregations"]!["subjects"]!;
        Assert.Equal("subject_key", (string?)subjects["terms"]!["field"]);
        Assert.Equal(2, (int?)subjects["terms"]!["size"]);
        var per = SubAggregations(subjects);
        Assert.Equal("type", (string?)per["types"]!["terms"]!["field"]);

        // What matched is counted with the request's own query: its text and its filters.
        var matched = Text(per["matched"]!["filter"]!);
        Assert.Contains("恒达", matched, StringComparison.Ordinal);
        Assert.Contains("\"penalty\",\"licence\"", matched, StringComparison.Ordinal);

        var entries = per["entries"]!;
        Assert.Equal("list_entry", (string?)entries["filter"]!["term"]!["type"]!["value"]);
        Assert.Equal("list_kind", (string?)SubAggregations(entries)["lists"]!["terms"]!["field"]);
        Assert.Equal("status", (string?)SubAggregations(entries)["statuses"]!["terms"]!["field"]);

        var registry = per["registry"]!;
        Assert.Equal("subject", (string?)registry["filter"]!["term"]!["type"]!["value"]);
        Assert.Equal(1, (int?)SubAggregations(registry)["record"]!["top_hits"]!["size"]);

        var newest = per["newest"]!["top_hits"]!;
        Assert.Equal(1, (int?)newest["size"]);
        Assert.Equal("desc", (string?)newest["sort"]![0]!["date"]!["order"]);
        // Only who the subject is travels back, not bodies.
        var includes = newest["_source"]!["includes"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.Contains("subject_name", includes);
        Assert.Contains("former_names", includes);
        Assert.DoesNotContain("body", includes);
    }

    [Fact]
    public async Task EachSubjectBecomesOneRowWithItsSummary()
    {
        var (results, _) = await Search(Grouped, GroupedPage, GroupedSummaries);

        Assert.Equal(3, results.Total);
        Assert.False(results.TotalIsLowerBound);
        Assert.Equal(["penalty:CF-1", "licence:XK-9", "policy:hd"], results.Hits.Select(h => h.Document.Id));
        Assert.Equal("常州<mark>恒达</mark>建材有限公司（行政处罚）", results.Hits[0].TitleHtml);

        var company = results.Hits[0].Subject!;
        Assert.Equal(CompanyKey, company.SubjectKey);
        Assert.Equal("常州远航建材有限公司", company.Name); // the registry record's name, not the penalty's older one
        Assert.Equal(["常州恒达建材有限公司", "常州恒达建材厂"], company.FormerNames);
        Assert.Equal(CompanyKey, company.Uscc);
        Assert.Equal(SubjectType.LegalPerson, company.SubjectType);
        Assert.Equal(new Dictionary<DocumentType, int>
        {
            [DocumentType.ListEntry] = 2,
            [DocumentType.Licence] = 2,
            [DocumentType.Penalty] = 1,
            [DocumentType.Commitment] = 1,
            [DocumentType.Subject] = 1,
        }, company.Counts.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal([ListKind.Red, ListKind.Black], company.Lists.Order());
        Assert.Equal([EntryStatus.UnderObjection], company.Statuses);
        Assert.Equal(6, company.MatchedDocuments);
    }

    [Fact]
    public async Task WithoutARegistryRecordTheNewestDocumentNamesTheSubject()
    {
        var (results, _) = await Search(Grouped, GroupedPage, GroupedSummaries);

        var person = results.Hits[1].Subject!;
        Assert.Equal(PersonKey, person.SubjectKey);
        Assert.Equal("王恒达", person.Name);
        Assert.Equal(SubjectType.NaturalPerson, person.SubjectType);
        Assert.Equal("320402********0012", person.MaskedIdNumber);
        Assert.Null(person.Uscc);
        Assert.Empty(person.FormerNames);
        Assert.Empty(person.Lists);
        Assert.Empty(person.Statuses);
        Assert.Equal(new Dictionary<DocumentType, int> { [DocumentType.Licence] = 2 }, person.Counts.ToDictionary());
        Assert.Equal(2, person.MatchedDocuments);
    }

    [Fact]
    public async Task AContentItemIsARowWithoutASubject()
    {
        var (results, _) = await Search(Grouped, GroupedPage, GroupedSummaries);

        var policy = results.Hits[2];
        Assert.Null(policy.Subject);
        Assert.Equal(DocumentType.Policy, policy.Document.Type);
    }

    [Fact]
    public async Task GroupedFacetsAreTheRowCountsOfEachValue()
    {
        var (results, _) = await Search(Grouped, GroupedPage, GroupedSummaries);

        Assert.Equal([new FacetValue("penalty", 2), new FacetValue("licence", 1), new FacetValue("policy", 1)], results.Facets["type"]);
        Assert.Equal([new FacetValue("罚款", 2), new FacetValue("警告", 1)], results.Facets["penalty_type"]);
        Assert.Equal([new FacetValue("市市场监督管理局", 2), new FacetValue("市行政审批局", 1)], results.Facets["department"]);
        Assert.Empty(results.Facets["list_kind"]);
    }

    [Fact]
    public async Task MoreRowsThanCountedExactlyIsALowerBound()
    {
        var (results, sent) = await Search(Grouped, GroupedPageBeyondCountedRows);

        Assert.Equal(40_000, results.Total);
        Assert.True(results.TotalIsLowerBound);
        Assert.Null(Assert.Single(results.Hits).Subject);
        Assert.Single(sent); // no subject on the page: no summaries search
    }

    [Fact]
    public async Task ASubjectMissingFromTheSummariesIsSummarisedByItsOwnDocument()
    {
        // Its documents left view between the two searches (an import withdrew them): the row still shows.
        var (results, _) = await Search(Grouped, GroupedPage, SearchEmpty);

        var company = results.Hits[0].Subject!;
        Assert.Equal(CompanyKey, company.SubjectKey);
        Assert.Equal("常州恒达建材有限公司", company.Name);
        Assert.Equal(new Dictionary<DocumentType, int> { [DocumentType.Penalty] = 1 }, company.Counts.ToDictionary());
        Assert.Equal(1, company.MatchedDocuments);
    }

    [Fact]
    public async Task BeforeTheFirstIndexAGroupedSearchHasNoRows()
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, SearchPath, new CannedResponse(404, IndexNotFound));

        var results = await TestEngine.Create(cluster).SearchAsync(Grouped);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        Assert.Single(cluster.Requests);
    }

    [Fact]
    public async Task AFailedSummariesSearchIsAnOutageNotRowsWithoutSummaries()
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, SearchPath,
            CannedResponse.Ok(GroupedPage), CannedResponse.Ok(SearchWithShardFailure));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => TestEngine.Create(cluster).SearchAsync(Grouped));
    }

    [Fact]
    public async Task AnIndexOfAnOlderMappingAnswersOneRowPerDocumentUntilReindexed()
    {
        var cluster = new CannedCluster()
            .On(HttpMethod.POST, SearchPath, new CannedResponse(400, CollapseOnUnmappedField), CannedResponse.Ok(SearchRecordsWithFacets))
            .On(HttpMethod.GET, "/creditsite-documents/_mapping/field/group_key", CannedResponse.Ok(GroupKeyNotMapped));

        var results = await TestEngine.Create(cluster).SearchAsync(Grouped);

        Assert.Equal(["POST /creditsite-documents/_search", "GET /creditsite-documents/_mapping/field/group_key", "POST /creditsite-documents/_search"],
            cluster.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Null(cluster.Requests[2].Json()["collapse"]);
        Assert.Equal(3, results.Total);
        Assert.Equal(3, results.Hits.Count);
        Assert.All(results.Hits, h => Assert.Equal(1, h.Subject!.MatchedDocuments));
        Assert.Equal(CompanyKey, results.Hits[0].Subject!.SubjectKey);
    }

    [Fact]
    public async Task ARefusedGroupedSearchOnACurrentIndexIsAnOutage()
    {
        var cluster = new CannedCluster()
            .On(HttpMethod.POST, SearchPath, new CannedResponse(400, CollapseOnUnmappedField))
            .On(HttpMethod.GET, "/creditsite-documents/_mapping/field/group_key", CannedResponse.Ok(GroupKeyMapped));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => TestEngine.Create(cluster).SearchAsync(Grouped));
        Assert.Single(cluster.Requests, r => r.Path == SearchPath);
    }

    [Fact]
    public async Task AnUngroupedSearchNeitherCollapsesNorAsksForSummaries()
    {
        var (results, sent) = await Search(Grouped with { GroupBySubject = false }, SearchRecordsWithFacets);

        var body = Assert.Single(sent).Json();
        Assert.Null(body["collapse"]);
        Assert.Equal(true, (bool?)body["track_total_hits"]);
        Assert.Null(body["aggregations"]!["rows"]);
        Assert.All(results.Hits, h => Assert.Null(h.Subject));
    }

    /// <summary>The JSON with Chinese as characters (the default writer escapes it), to look for words in it.</summary>
    private static string Text(JsonNode node) => node.ToJsonString(Readable);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An aggregation's sub-aggregations (the client writes them as <c>aggregations</c>).</summary>
    private static JsonNode SubAggregations(JsonNode aggregation) =>
        aggregation["aggregations"] ?? aggregation["aggs"] ?? throw new InvalidOperationException("No sub-aggregations in " + aggregation.ToJsonString());
}
