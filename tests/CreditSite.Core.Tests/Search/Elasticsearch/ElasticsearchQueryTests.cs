using System.Text.Json.Nodes;
using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>The search request <see cref="CreditSite.Search.Elasticsearch.ElasticsearchSearchEngine"/> sends for each
/// kind of query, read back from the captured body as JSON.</summary>
public sealed class ElasticsearchQueryTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static async Task<SentRequest> SearchSent(SearchRequest request)
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search", CannedResponse.Ok(SearchEmpty));
        await TestEngine.Create(cluster).SearchAsync(request);
        return Assert.Single(cluster.Requests);
    }

    private static async Task<JsonNode> BodyOf(SearchRequest request) => (await SearchSent(request)).Json();

    [Fact]
    public async Task SearchesThroughTheAliasAndRefusesPartialResults()
    {
        var sent = await SearchSent(new SearchRequest { Text = "诚信", Today = Today });

        Assert.Equal("/creditsite-documents/_search", sent.Path);
        Assert.Contains("allow_partial_search_results=false", sent.Query, StringComparison.Ordinal);
        Assert.Contains("typed_keys=true", sent.Query, StringComparison.Ordinal);
        Assert.Equal(true, (bool?)sent.Json()["track_total_hits"]);
    }

    [Fact]
    public async Task AUsccIsAnExactTermFilterAndTheTextIsIgnored()
    {
        var body = await BodyOf(new SearchRequest { Text = "ignored", Identifier = new IdentifierFilter("91320402MA1XXXXX0L", null), Today = Today });

        Assert.Contains(Filters(body), f => (string?)f["term"]?["uscc"]?["value"] == "91320402MA1XXXXX0L");
        Assert.Empty(Find(body, "multi_match"));
        Assert.DoesNotContain("ignored", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(body["highlight"]);
    }

    [Fact]
    public async Task AResidentIdIsMatchedByItsKeyedHashOnly()
    {
        var body = await BodyOf(new SearchRequest { Identifier = new IdentifierFilter(null, "hmac-sha256:3b6f0c"), Today = Today });

        Assert.Contains(Filters(body), f => (string?)f["term"]?["resident_id_hash"]?["value"] == "hmac-sha256:3b6f0c");
        Assert.DoesNotContain(Filters(body), f => f["term"]?["uscc"] is not null);
    }

    [Fact]
    public async Task FullTextNeedsEveryBigramSomewhereAndScoresNamesAboveBodies()
    {
        var body = await BodyOf(new SearchRequest { Text = "诚信食品", Today = Today });

        var matches = Find(body["query"]!, "match");
        var required = Find(body["query"]!, "must").Select(m => m["match"]?["all_grams"]).Single(m => m is not null)!;
        Assert.Equal("诚信食品", (string?)required["query"]);
        Assert.Equal("and", (string?)required["operator"]);
        Assert.Contains(matches, m => m["name_grams"] is not null);
        Assert.Contains(matches, m => m["name_words"] is not null);
        var phrases = Find(body["query"]!, "match_phrase");
        Assert.Equal(8, (float?)phrases.Single(p => p["name_grams"] is not null)["name_grams"]!["boost"]);
        Assert.Contains(Find(body["query"]!, "term"), t => (string?)t["decision_number"]?["value"] == "诚信食品");
        Assert.Contains(Find(body["query"]!, "term"), t => (string?)t["entry_id"]?["value"] == "诚信食品");
    }

    [Fact]
    public async Task HighlightsWholeTitleAndBodyWithMarksAndTheHtmlEncoder()
    {
        var highlight = (await BodyOf(new SearchRequest { Text = "诚信食品", Today = Today }))["highlight"]!;

        // The client writes the fields as an ordered array of one-field objects, which Elasticsearch accepts.
        JsonNode HighlightOf(string field) => highlight["fields"]!.AsArray().Single(f => f![field] is not null)![field]!;
        Assert.Equal("html", (string?)highlight["encoder"]);
        Assert.Equal("<mark>", (string?)highlight["pre_tags"]![0]);
        Assert.Equal("</mark>", (string?)highlight["post_tags"]![0]);
        Assert.Equal(100_000, (int?)highlight["max_analyzed_offset"]);
        foreach (var field in new[] { "title.bigram", "body.bigram" })
        {
            Assert.Equal(0, (int?)HighlightOf(field)["number_of_fragments"]);
            Assert.Equal("诚信食品", (string?)HighlightOf(field)["highlight_query"]!["match"]![field]!["query"]);
        }
    }

    [Fact]
    public async Task BrowsingAndIdentifierSearchesAskForNoHighlights()
    {
        Assert.Null((await BodyOf(new SearchRequest { Today = Today }))["highlight"]);
        Assert.Null((await BodyOf(new SearchRequest { Text = "  \t ", Today = Today }))["highlight"]);
    }

    [Fact]
    public async Task LongTextIsCutAndCharactersJsonCannotCarryAreDropped()
    {
        var body = await BodyOf(new SearchRequest { Text = "\ud800诚信\u0000食品" + new string('品', 500), Today = Today });

        var sent = (string?)Find(body["query"]!, "must").Select(m => m["match"]?["all_grams"]).Single(m => m is not null)!["query"];
        Assert.StartsWith("诚信 食品", sent, StringComparison.Ordinal);
        Assert.Equal(100, sent!.Length + 1); // the broken surrogate at the start became a space and was trimmed
    }

    [Theory]
    [InlineData("\" * AND \\ ( ) : ~")]
    [InlineData("常州 OR 1=1 AND title:*")]
    [InlineData("name:(a OR b)^10 ~2 /regex/ [1 TO 9] {x} && || ! -y +z")]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("\\u0022 \\\\ \" \"")]
    public async Task HostileTextIsOnlyEverTheValueOfAMatchOrTermQuery(string hostile)
    {
        var body = await BodyOf(new SearchRequest { Text = hostile, Today = Today });

        Assert.Empty(Find(body, "query_string"));
        Assert.Empty(Find(body, "simple_query_string"));
        Assert.Empty(Find(body, "wildcard"));
        Assert.Empty(Find(body, "regexp"));
        var holders = StringValues(body).Where(v => v.Value.Contains(hostile.Trim(), StringComparison.Ordinal)).Select(v => v.Key).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, key => Assert.True(key is "query" or "value", $"user text under \"{key}\""));
    }

    [Fact]
    public async Task FiltersBecomeExactTermAndDateRangeFilters()
    {
        var body = await BodyOf(new SearchRequest
        {
            Text = "食品",
            Types = [DocumentType.ListEntry, DocumentType.RoleModel],
            ListKind = ListKind.Black,
            Field = "食品药品",
            IssuingDepartment = "市市场监督管理局",
            SubjectType = SubjectType.LegalPerson,
            SubjectKey = "91320402MA1XXXXX0L",
            DecidedFrom = new DateOnly(2025, 1, 1),
            DecidedTo = new DateOnly(2025, 12, 31),
            Today = Today,
        });

        var filters = Filters(body);
        Assert.Contains(filters, f => f["terms"]?["type"]?.AsArray().Select(v => (string?)v).SequenceEqual(["list_entry", "role_model"]) == true);
        Assert.Contains(filters, f => (string?)f["term"]?["list_kind"]?["value"] == "black");
        Assert.Contains(filters, f => (string?)f["term"]?["field"]?["value"] == "食品药品");
        Assert.Contains(filters, f => (string?)f["term"]?["issuing_department"]?["value"] == "市市场监督管理局");
        Assert.Contains(filters, f => (string?)f["term"]?["subject_type"]?["value"] == "legal_person");
        Assert.Contains(filters, f => (string?)f["term"]?["subject_key"]?["value"] == "91320402MA1XXXXX0L");
        var decided = filters.Single(f => f["range"]?["date"] is not null)["range"]!["date"]!;
        Assert.Equal("2025-01-01", (string?)decided["gte"]);
        Assert.Equal("2025-12-31", (string?)decided["lte"]);
    }

    [Fact]
    public async Task VisibilityIsDecidedInTheQueryWithTheRequestsDay()
    {
        var body = await BodyOf(new SearchRequest { Today = new DateOnly(2026, 7, 15) });

        var visibility = Filters(body).Single(f => f["bool"]?["should"] is not null)["bool"]!;
        Assert.Equal(1, (int?)visibility["minimum_should_match"]);
        var clauses = visibility["should"]!.AsArray().Select(c => c!["bool"]!).ToList();
        Assert.Equal(3, clauses.Count);

        // Content and registry records are always public …
        var always = Types(Find(clauses[0], "must_not").Single());
        Assert.Equal(["list_entry", "licence", "penalty", "commitment"], always);

        // … list entries only until public_until and while active or under objection …
        var entries = clauses[1];
        Assert.Equal("list_entry", (string?)Find(entries, "term").Single()["type"]!["value"]);
        Assert.Equal("2026-07-15", (string?)Find(entries, "range").Single()["public_until"]!["gte"]);
        Assert.Equal(["active", "under_objection"], Find(entries, "terms").Single()["status"]!.AsArray().Select(v => (string?)v).ToList());
        Assert.DoesNotContain("exited", entries.ToJsonString(), StringComparison.Ordinal);

        // … public records until public_until, and those without one (a licence with no end of validity) always.
        var records = clauses[2];
        Assert.Equal(["licence", "penalty", "commitment"], Types(Find(records, "filter").Single()));
        var expired = Find(records, "must_not").Single()["range"]!["public_until"]!;
        Assert.Equal("2026-07-15", (string?)expired["lt"]);
        Assert.Null(expired["gte"]);

        // A withdrawn document never, whatever its type and day.
        var never = Find(visibility, "must_not").Where(n => n["term"] is not null).Single();
        Assert.True((bool?)never["term"]!["withdrawn"]!["value"]);
    }

    [Fact]
    public async Task TheVisibilityClauseMovesWithTheDayAlone()
    {
        var before = (await BodyOf(new SearchRequest { Today = new DateOnly(2026, 7, 15) })).ToJsonString();
        var after = (await BodyOf(new SearchRequest { Today = new DateOnly(2026, 7, 16) })).ToJsonString();

        Assert.Equal(before.Replace("2026-07-15", "2026-07-16", StringComparison.Ordinal), after);
    }

    [Fact]
    public async Task CategoryAndPenaltyTypeAreExactTermFilters()
    {
        var body = await BodyOf(new SearchRequest
        {
            Types = [DocumentType.Penalty, DocumentType.Licence],
            Category = " 特许 ",
            PenaltyType = "罚款",
            SubjectType = SubjectType.IndividualBusiness,
            Today = Today,
        });

        var filters = Filters(body);
        Assert.Contains(filters, f => f["terms"]?["type"]?.AsArray().Select(v => (string?)v).SequenceEqual(["penalty", "licence"]) == true);
        Assert.Contains(filters, f => (string?)f["term"]?["category"]?["value"] == "特许");
        Assert.Contains(filters, f => (string?)f["term"]?["penalty_types"]?["value"] == "罚款");
        Assert.Contains(filters, f => (string?)f["term"]?["subject_type"]?["value"] == "individual_business");

        var without = Filters(await BodyOf(new SearchRequest { Category = " ", PenaltyType = "", Today = Today }));
        Assert.DoesNotContain(without, f => f["term"]?["category"] is not null || f["term"]?["penalty_types"] is not null);
    }

    [Fact]
    public async Task FacetsAreTermsAggregationsOverTheKeywordFields()
    {
        var aggregations = (await BodyOf(new SearchRequest { Text = "食品", Today = Today }))["aggregations"]!;

        Assert.Equal("type", (string?)aggregations["type"]!["terms"]!["field"]);
        Assert.Equal("list_kind", (string?)aggregations["list_kind"]!["terms"]!["field"]);
        Assert.Equal("field", (string?)aggregations["field"]!["terms"]!["field"]);
        Assert.Equal("issuing_department", (string?)aggregations["department"]!["terms"]!["field"]);
        Assert.Equal("subject_type", (string?)aggregations["subject_type"]!["terms"]!["field"]);
        Assert.Equal("category", (string?)aggregations["category"]!["terms"]!["field"]);
        Assert.Equal("penalty_types", (string?)aggregations["penalty_type"]!["terms"]!["field"]);
        Assert.True((int?)aggregations["penalty_type"]!["terms"]!["size"] >= 14); // every type of the law's art. 9
        Assert.Equal("desc", (string?)aggregations["field"]!["terms"]!["order"]![0]!["_count"]);

        var without = await BodyOf(new SearchRequest { Text = "食品", Today = Today, WithFacets = false });
        Assert.Null(without["aggregations"]);
    }

    [Theory]
    [InlineData(SearchSort.Relevance, "_score,date,id")]
    [InlineData(SearchSort.Newest, "date,id")]
    public async Task SortsByRelevanceOrNewestWithTheIdAsTieBreaker(SearchSort sort, string expected)
    {
        var order = (await BodyOf(new SearchRequest { Text = "食品", Sort = sort, Today = Today }))["sort"]!.AsArray()
            .Select(s => s!.AsObject().Single().Key);

        Assert.Equal(expected, string.Join(',', order));
    }

    [Theory]
    [InlineData(1, 20, 0, 20)]
    [InlineData(3, 20, 40, 20)]
    [InlineData(500, 100, 49_900, 100)]
    [InlineData(501, 100, 0, 0)] // beyond max_result_window: totals and facets only
    [InlineData(0, 0, 0, 1)] // page and page size are clamped, as on every engine
    [InlineData(2, 100_000, 100, 100)]
    public async Task PagesWithFromAndSizeUpToTheResultWindow(int page, int pageSize, int from, int size)
    {
        var body = await BodyOf(new SearchRequest { Page = page, PageSize = pageSize, Today = Today });

        Assert.Equal(from, (int?)body["from"]);
        Assert.Equal(size, (int?)body["size"]);
    }

    /// <summary>The values of a <c>terms</c> query on <c>type</c>.</summary>
    private static List<string?> Types(JsonNode clause) => clause["terms"]!["type"]!.AsArray().Select(v => (string?)v).ToList();

    /// <summary>The top-level filter clauses (the client writes a single clause as an object, several as an array).</summary>
    private static List<JsonNode> Filters(JsonNode body) => body["query"]!["bool"]!["filter"] switch
    {
        JsonArray clauses => clauses.Select(n => n!).ToList(),
        { } clause => [clause],
        null => [],
    };

    /// <summary>Every value under a property called <paramref name="name"/>, anywhere in the tree; arrays are
    /// flattened because the client writes a one-element clause list as a single object.</summary>
    private static List<JsonNode> Find(JsonNode node, string name)
    {
        var found = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == name && value is not null)
                        {
                            found.AddRange(value is JsonArray a ? a.Select(x => x!) : [value]);
                        }

                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return found;
    }

    /// <summary>Every string value in the tree with the name of the property holding it.</summary>
    private static List<KeyValuePair<string, string>> StringValues(JsonNode node)
    {
        var values = new List<KeyValuePair<string, string>>();
        void Walk(string key, JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Walk(k, v);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(key, item);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    values.Add(new(key, s));
                    break;
            }
        }

        Walk(string.Empty, node);
        return values;
    }
}
