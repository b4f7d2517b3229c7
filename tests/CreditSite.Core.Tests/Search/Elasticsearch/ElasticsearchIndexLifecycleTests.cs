using System.Text.Json.Nodes;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Search.Elasticsearch;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Index creation, bulk loading and the alias swap of <see cref="ElasticsearchSearchEngine"/>, asserted on the
/// exact requests the cluster receives.</summary>
public sealed class ElasticsearchIndexLifecycleTests
{
    private const string NewIndex = TestEngine.NewIndex;

    private static CannedCluster ClusterForRebuild(string nodes = NodesWithSmartcn) => new CannedCluster()
        .On(HttpMethod.GET, "/_nodes/plugins", CannedResponse.Ok(nodes))
        .On(HttpMethod.PUT, "/" + NewIndex, CannedResponse.Ok(IndexCreated))
        .On(HttpMethod.POST, $"/{NewIndex}/_bulk", CannedResponse.Ok(BulkOk))
        .On(HttpMethod.PUT, $"/{NewIndex}/_settings", CannedResponse.Ok(Acknowledged))
        .On(HttpMethod.POST, $"/{NewIndex}/_refresh", CannedResponse.Ok(Refreshed))
        .On(HttpMethod.GET, "/_alias/creditsite-documents", CannedResponse.Ok(AliasOnOldIndex))
        .On(HttpMethod.POST, "/_aliases", CannedResponse.Ok(Acknowledged))
        .On(HttpMethod.DELETE, "/" + OldIndex, CannedResponse.Ok(Acknowledged))
        .On(HttpMethod.DELETE, "/" + NewIndex, CannedResponse.Ok(Acknowledged));

    [Fact]
    public async Task CreatesAStrictlyMappedIndexWithSmartcnWhenEveryNodeHasThePlugin()
    {
        var cluster = ClusterForRebuild(NodesWithSmartcn);
        await TestEngine.Create(cluster).RebuildAsync(CannedDocuments.Stream(CannedDocuments.Entry("JS-1")));

        var body = cluster.To(HttpMethod.PUT, "/" + NewIndex).Single().Json();
        var mappings = body["mappings"]!;
        Assert.Equal("strict", (string?)mappings["dynamic"]);
        var analysis = body["settings"]!["analysis"]!;
        Assert.Equal("smartcn_tokenizer", (string?)analysis["analyzer"]!["creditsite_words"]!["tokenizer"]);
        Assert.Contains("smartcn_stop", Strings(analysis["analyzer"]!["creditsite_words"]!["filter"]));

        var properties = mappings["properties"]!;
        foreach (var identifier in new[] { "id", "uscc", "resident_id_hash", "subject_key", "entry_id", "type", "status", "list_kind" })
        {
            Assert.Equal("keyword", (string?)properties[identifier]!["type"]);
        }

        foreach (var name in new[] { "title", "subject_name" })
        {
            Assert.Equal("creditsite_words", (string?)properties[name]!["analyzer"]);
            Assert.Equal("creditsite_bigram_index", (string?)properties[name]!["fields"]!["bigram"]!["analyzer"]);
            Assert.Equal(["name_words", "name_grams", "all_grams"], Strings(properties[name]!["copy_to"]));
        }

        Assert.Equal("all_grams", CopyTargets(properties["body"]!).Single());
        Assert.Equal("all_grams", CopyTargets(properties["issuing_department"]!).Single());
        Assert.Equal("all_grams", CopyTargets(properties["decision_number"]!).Single());
        Assert.Equal("creditsite_bigram_index", (string?)properties["all_grams"]!["analyzer"]);
        Assert.Equal("creditsite_bigram_search", (string?)properties["all_grams"]!["search_analyzer"]);
        Assert.Equal("creditsite_words", (string?)properties["name_words"]!["analyzer"]);
        Assert.True((bool?)analysis["filter"]!["creditsite_bigram_with_unigrams"]!["output_unigrams"]);
        Assert.False((bool?)analysis["filter"]!["creditsite_bigram_only"]!["output_unigrams"]);
        Assert.Equal("date", (string?)properties["public_until"]!["type"]);
        Assert.Equal(false, (bool?)properties["masked_id_number"]!["index"]);

        // Mapping version 2: public records and registry records; 3: the key the one-stop query collapses on.
        Assert.Equal(3, (int?)mappings["_meta"]!["creditsite_mapping_version"]);
        Assert.Equal("keyword", (string?)properties["group_key"]!["type"]);
        Assert.Null(properties["group_key"]!["doc_values"]); // on by default: collapse and cardinality read it
        Assert.Equal("keyword", (string?)properties["record_status"]!["type"]);
        Assert.Equal("keyword", (string?)properties["penalty_types"]!["type"]);
        Assert.Equal("keyword", (string?)properties["category"]!["type"]);
        Assert.Equal("boolean", (string?)properties["withdrawn"]!["type"]);
        Assert.Equal("text", (string?)properties["former_names"]!["type"]);
        Assert.Equal("creditsite_words", (string?)properties["former_names"]!["analyzer"]);
        Assert.Equal(["name_words", "name_grams", "all_grams"], CopyTargets(properties["former_names"]!));
        // Loading runs without replicas and refreshes; they are switched on before the alias moves.
        Assert.Equal("0", body["settings"]!["number_of_replicas"]!.ToString());
        Assert.Equal("-1", body["settings"]!["refresh_interval"]!.ToString());
    }

    [Theory]
    [InlineData(NodesPartlyWithSmartcn)]
    [InlineData(NodesWithoutPlugins)]
    public async Task FallsBackToTheBuiltInCjkAnalyserWhenAnyNodeLacksSmartcn(string nodes)
    {
        var cluster = ClusterForRebuild(nodes);
        await TestEngine.Create(cluster).RebuildAsync(CannedDocuments.Stream(CannedDocuments.Entry("JS-1")));

        var analysis = cluster.To(HttpMethod.PUT, "/" + NewIndex).Single().Json()["settings"]!["analysis"]!;
        var words = analysis["analyzer"]!["creditsite_words"]!;
        Assert.Equal("standard", (string?)words["tokenizer"]);
        Assert.Contains("cjk_bigram", Strings(words["filter"]));
        Assert.DoesNotContain("smartcn", analysis.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ElasticsearchAnalyzer.Cjk, "standard")]
    [InlineData(ElasticsearchAnalyzer.Smartcn, "smartcn_tokenizer")]
    public async Task AConfiguredAnalyserIsUsedWithoutAskingTheCluster(ElasticsearchAnalyzer analyzer, string tokenizer)
    {
        var cluster = ClusterForRebuild(NodesWithoutPlugins);
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.Analyzer = analyzer));
        await engine.RebuildAsync(CannedDocuments.Stream(CannedDocuments.Entry("JS-1")));

        Assert.Empty(cluster.To(HttpMethod.GET, "/_nodes/plugins"));
        var words = cluster.To(HttpMethod.PUT, "/" + NewIndex).Single().Json()["settings"]!["analysis"]!["analyzer"]!["creditsite_words"]!;
        Assert.Equal(tokenizer, (string?)words["tokenizer"]);
    }

    [Fact]
    public async Task LoadsDocumentsInNdjsonBatchesIntoTheNewIndex()
    {
        var cluster = ClusterForRebuild();
        var progress = new List<long>();
        var documents = new[] { CannedDocuments.Entry("JS-1"), CannedDocuments.Person("JS-2"), CannedDocuments.Policy("p1"), CannedDocuments.Entry("JS-4") };
        await TestEngine.Create(cluster).RebuildAsync(CannedDocuments.Stream(documents), new SynchronousProgress(progress));

        var bulks = cluster.To(HttpMethod.POST, "/_bulk").ToList();
        Assert.Equal(2, bulks.Count); // batch size 3
        Assert.All(bulks, b => Assert.Equal($"/{NewIndex}/_bulk", b.Path));
        Assert.DoesNotContain("require_alias", bulks[0].Query, StringComparison.Ordinal);

        var lines = bulks[0].Lines();
        Assert.Equal(6, lines.Count);
        Assert.Equal("entry:JS-1", (string?)lines[0]["index"]!["_id"]);
        var entry = lines[1];
        Assert.Equal("常州市天宁区诚信食品有限公司", (string?)entry["title"]);
        Assert.Equal("black", (string?)entry["list_kind"]);
        Assert.Equal("legal_person", (string?)entry["subject_type"]);
        Assert.Equal("2026-06-01", (string?)entry["public_until"]);
        Assert.Equal("active", (string?)entry["status"]);
        Assert.Equal("JS-1", (string?)entry["entry_id"]);

        var person = lines[3];
        Assert.Equal("hmac-sha256:3b6f0c", (string?)person["resident_id_hash"]);
        Assert.Equal("320402********0012", (string?)person["masked_id_number"]);
        Assert.Null(person["uscc"]);

        var policy = lines[5];
        Assert.Equal("policy", (string?)policy["type"]);
        Assert.Null(policy["list_kind"]); // absent, not null: the strict mapping has nothing to object to

        Assert.Equal("entry:JS-4", (string?)bulks[1].Lines()[0]["index"]!["_id"]);
        Assert.Equal([3L, 4L], progress);
    }

    [Fact]
    public async Task LoadsPublicRecordsAndRegistryRecordsWithTheFieldsOfTheSecondMapping()
    {
        var cluster = ClusterForRebuild();
        var penalty = SampleDocuments.Penalty("CF-1", "常州恒达建材有限公司", 101, ["警告", "罚款"], status: RecordStatus.UnderObjection);
        var repaired = SampleDocuments.Penalty("CF-2", "常州恒达建材有限公司", 101, status: RecordStatus.Repaired);
        var registry = SampleDocuments.Registry(101, "常州恒达建材有限公司", ["常州市恒达水泥制品厂"]);
        await TestEngine.Create(cluster).RebuildAsync(CannedDocuments.Stream(penalty, repaired, registry));

        var lines = cluster.To(HttpMethod.POST, "/_bulk").Single().Lines();
        Assert.Equal(6, lines.Count);

        var first = lines[1];
        Assert.Equal("penalty", (string?)first["type"]);
        Assert.Equal("under_objection", (string?)first["record_status"]);
        Assert.Equal(["警告", "罚款"], Strings(first["penalty_types"]));
        Assert.Null(first["withdrawn"]); // written only when true
        Assert.Null(first["status"]); // the list entries' status is not a record's
        Assert.Null(first["former_names"]);

        var second = lines[3];
        Assert.Equal("repaired", (string?)second["record_status"]);
        Assert.True((bool?)second["withdrawn"]);

        var subject = lines[5];
        Assert.Equal("subject", (string?)subject["type"]);
        Assert.Equal("subject:" + SampleDocuments.Uscc(101), (string?)lines[4]["index"]!["_id"]);
        Assert.Equal(["常州市恒达水泥制品厂"], Strings(subject["former_names"]));
        Assert.Null(subject["record_status"]);
        Assert.Null(subject["penalty_types"]);

        // Every field sent is one the strict mapping declares.
        var declared = cluster.To(HttpMethod.PUT, "/" + NewIndex).Single().Json()["mappings"]!["properties"]!.AsObject()
            .Select(p => p.Key).ToHashSet();
        foreach (var document in new[] { first, second, subject })
        {
            Assert.All(document.AsObject(), p => Assert.Contains(p.Key, declared));
        }
    }

    [Fact]
    public async Task SwapsTheAliasInOneAtomicCallAfterTheLoadThenDeletesTheOldIndex()
    {
        var cluster = ClusterForRebuild();
        await TestEngine.Create(cluster).RebuildAsync(CannedDocuments.Stream(CannedDocuments.Entry("JS-1")));

        var sequence = cluster.Requests.Select(r => r.ToString()).ToList();
        Assert.Equal(
            [
                "GET /_nodes/plugins?filter_path=nodes.*.name,nodes.*.plugins.name",
                $"PUT /{NewIndex}",
                $"POST /{NewIndex}/_bulk",
                $"PUT /{NewIndex}/_settings",
                $"POST /{NewIndex}/_refresh",
                "GET /_alias/creditsite-documents",
                "POST /_aliases",
                $"DELETE /{OldIndex}",
            ],
            sequence);

        var settings = cluster.To(HttpMethod.PUT, "/_settings").Single().Json();
        Assert.Equal("1", settings["number_of_replicas"]!.ToString());
        Assert.Equal("1s", settings["refresh_interval"]!.ToString());

        var actions = cluster.To(HttpMethod.POST, "/_aliases").Single().Json()["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.Equal(OldIndex, (string?)actions[0]!["remove"]!["index"]);
        Assert.Equal("creditsite-documents", (string?)actions[0]!["remove"]!["alias"]);
        Assert.Equal(NewIndex, (string?)actions[1]!["add"]!["index"]);
        Assert.Equal("creditsite-documents", (string?)actions[1]!["add"]!["alias"]);
    }

    [Fact]
    public async Task AFailedRebuildRemovesItsIndexAndLeavesTheAliasWhereItWas()
    {
        var cluster = ClusterForRebuild().On(HttpMethod.POST, $"/{NewIndex}/_bulk", CannedResponse.Ok(BulkPartlyRefused), CannedResponse.Ok(BulkRetryStored));
        var engine = TestEngine.Create(cluster);

        var failure = await Assert.ThrowsAsync<SearchIndexingException>(() => engine.RebuildAsync(CannedDocuments.Stream(
            CannedDocuments.Entry("JS-1"), CannedDocuments.Entry("JS-2"), CannedDocuments.Entry("JS-3"))));

        var rejected = Assert.Single(failure.Rejected);
        Assert.Equal("JS-2", rejected.EntryId);
        Assert.Contains("document_parsing_exception", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("public_until", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("JS-2", failure.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.To(HttpMethod.POST, "/_aliases"));
        Assert.Single(cluster.To(HttpMethod.DELETE, "/" + NewIndex));
        Assert.Empty(cluster.To(HttpMethod.DELETE, "/" + OldIndex));
    }

    [Fact]
    public async Task AnIndexTheClusterRefusesFailsTheRebuildWithElasticsearchsReason()
    {
        var cluster = ClusterForRebuild().On(HttpMethod.PUT, "/" + NewIndex, new CannedResponse(400, MappingRefused));
        var engine = TestEngine.Create(cluster);

        var failure = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => engine.RebuildAsync(CannedDocuments.Stream(CannedDocuments.Entry("JS-1"))));

        Assert.Equal(400, failure.Status);
        Assert.Contains("smartcn_tokenizer", failure.Message, StringComparison.Ordinal);
        Assert.Single(cluster.To(HttpMethod.PUT, "/" + NewIndex)); // a refusal is not retried
        Assert.Empty(cluster.To(HttpMethod.POST, "/_aliases"));
    }

    [Fact]
    public async Task AnIndexNameAlreadyTakenMovesOnToTheNextMillisecond()
    {
        const string Next = "creditsite-documents-v20260301080000001";
        var taken = $$"""{"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [{{NewIndex}}/x1] already exists","index":"{{NewIndex}}"}],"type":"resource_already_exists_exception","reason":"index [{{NewIndex}}/x1] already exists","index":"{{NewIndex}}"},"status":400}""";
        var cluster = ClusterForRebuild()
            .On(HttpMethod.PUT, "/" + NewIndex, new CannedResponse(400, taken))
            .On(HttpMethod.PUT, "/" + Next, CannedResponse.Ok(IndexCreated))
            .On(HttpMethod.POST, $"/{Next}/_bulk", CannedResponse.Ok(BulkOk))
            .On(HttpMethod.PUT, $"/{Next}/_settings", CannedResponse.Ok(Acknowledged))
            .On(HttpMethod.POST, $"/{Next}/_refresh", CannedResponse.Ok(Refreshed));

        await TestEngine.Create(cluster).RebuildAsync(CannedDocuments.Stream(CannedDocuments.Entry("JS-1")));

        var add = cluster.To(HttpMethod.POST, "/_aliases").Single().Json()["actions"]!.AsArray().Last()!["add"]!;
        Assert.Equal(Next, (string?)add["index"]);
    }

    [Fact]
    public async Task TheFirstWriteCreatesAnIndexBehindTheAliasInsteadOfLettingBulkAutoCreateOne()
    {
        var cluster = ClusterForRebuild()
            .On(HttpMethod.GET, "/_alias/creditsite-documents", new CannedResponse(404, AliasMissing))
            .On(HttpMethod.POST, "/creditsite-documents/_bulk", CannedResponse.Ok(BulkOk))
            .On(HttpMethod.POST, "/creditsite-documents/_refresh", CannedResponse.Ok(Refreshed));
        var engine = TestEngine.Create(cluster);

        await engine.UpsertAsync([CannedDocuments.Entry("JS-1")]);
        await engine.UpsertAsync([CannedDocuments.Entry("JS-2")]);

        Assert.Single(cluster.To(HttpMethod.PUT, "/" + NewIndex));
        var actions = cluster.To(HttpMethod.POST, "/_aliases").Single().Json()["actions"]!.AsArray();
        Assert.Equal(NewIndex, (string?)Assert.Single(actions)!["add"]!["index"]);
        var bulks = cluster.To(HttpMethod.POST, "/_bulk").ToList();
        Assert.Equal(2, bulks.Count);
        Assert.All(bulks, b => Assert.Equal("/creditsite-documents/_bulk", b.Path));
        Assert.All(bulks, b => Assert.Contains("require_alias=true", b.Query, StringComparison.Ordinal));
        // Visible to searches when UpsertAsync returns.
        Assert.Equal(2, cluster.To(HttpMethod.POST, "/creditsite-documents/_refresh").Count());
    }

    private static List<string?> Strings(JsonNode? array) => array!.AsArray().Select(n => (string?)n).ToList();

    /// <summary>copy_to is written as a string for one target and an array for several.</summary>
    private static List<string?> CopyTargets(JsonNode property) => property["copy_to"] switch
    {
        JsonArray targets => targets.Select(n => (string?)n).ToList(),
        { } target => [(string?)target],
        null => [],
    };

    private sealed class SynchronousProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
