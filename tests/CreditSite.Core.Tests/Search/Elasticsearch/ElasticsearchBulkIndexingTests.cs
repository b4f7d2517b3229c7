using CreditSite.Search;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Upserts and deletes through the alias: batches, back-pressure (429) and documents the cluster refuses.</summary>
public sealed class ElasticsearchBulkIndexingTests
{
    /// <summary>A cluster where the alias already exists, so writes go straight to bulk.</summary>
    private static CannedCluster WithAlias(params CannedResponse[] bulkAnswers) => new CannedCluster()
        .On(HttpMethod.GET, "/_alias/creditsite-documents", CannedResponse.Ok(AliasOnOldIndex))
        .On(HttpMethod.POST, "/creditsite-documents/_refresh", CannedResponse.Ok(Refreshed))
        .On(HttpMethod.POST, "/creditsite-documents/_bulk", bulkAnswers);

    [Fact]
    public async Task ItemsRefusedWith429AreSentAgainAloneAndOtherRefusalsAreReportedByEntryId()
    {
        var cluster = WithAlias(CannedResponse.Ok(BulkPartlyRefused), CannedResponse.Ok(BulkRetryStored));
        var engine = TestEngine.Create(cluster);

        var failure = await Assert.ThrowsAsync<SearchIndexingException>(() => engine.UpsertAsync(
            [CannedDocuments.Entry("JS-1"), CannedDocuments.Entry("JS-2"), CannedDocuments.Entry("JS-3")]));

        var bulks = cluster.To(HttpMethod.POST, "/_bulk").ToList();
        Assert.Equal(2, bulks.Count);
        Assert.Equal(["entry:JS-1", "entry:JS-2", "entry:JS-3"], bulks[0].Lines().Where((_, i) => i % 2 == 0).Select(l => (string?)l["index"]!["_id"]));
        Assert.Equal(["entry:JS-3"], bulks[1].Lines().Where((_, i) => i % 2 == 0).Select(l => (string?)l["index"]!["_id"]));

        var rejected = Assert.Single(failure.Rejected);
        Assert.Equal("entry:JS-2", rejected.Id);
        Assert.Equal("JS-2", rejected.Name);
        Assert.StartsWith("document_parsing_exception: [1:97] failed to parse field [public_until]", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(cluster.To(HttpMethod.POST, "/_refresh"));
    }

    [Fact]
    public async Task ARecordRefusedByAnIndexOfTheOldMappingSaysToReindex()
    {
        var cluster = WithAlias(CannedResponse.Ok(BulkRefusedByOldMapping));
        var engine = TestEngine.Create(cluster);
        var penalty = SampleDocuments.Penalty("CZ-CF-2026-0001", "常州恒达建材有限公司");

        var failure = await Assert.ThrowsAsync<SearchIndexingException>(() => engine.UpsertAsync([penalty]));

        var rejected = Assert.Single(failure.Rejected);
        Assert.Equal("CZ-CF-2026-0001", rejected.Name);
        Assert.StartsWith("strict_dynamic_mapping_exception: ", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("record_status", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("creditsite reindex", failure.Message, StringComparison.Ordinal);
        Assert.Contains("重建索引", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachDocumentCarriesItsGroupKeyTheSubjectOrElseItsOwnId()
    {
        var cluster = WithAlias(CannedResponse.Ok(BulkOk));

        await TestEngine.Create(cluster).UpsertAsync([CannedDocuments.Entry("JS-1"), CannedDocuments.Person("JS-2"), CannedDocuments.Policy("food-safety")]);

        var sources = Assert.Single(cluster.To(HttpMethod.POST, "/_bulk")).Lines().Where((_, i) => i % 2 == 1).ToList();
        Assert.Equal(["91320402MA1XXXXX0L", "p-6f1c2a9e", "policy:food-safety"], sources.Select(s => (string?)s["group_key"]));
    }

    [Fact]
    public async Task ItemsTheClusterKeepsRefusingWith429FailTheWriteAfterTheirRetries()
    {
        var cluster = WithAlias(CannedResponse.Ok(BulkAllBusy));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.BulkMaxRetries = 2));

        var failure = await Assert.ThrowsAsync<SearchIndexingException>(() => engine.UpsertAsync([CannedDocuments.Entry("JS-3")]));

        Assert.Equal(3, cluster.To(HttpMethod.POST, "/_bulk").Count());
        Assert.Contains("es_rejected_execution_exception", Assert.Single(failure.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeBulkRefusedWith429IsRetriedWithBackoff()
    {
        var cluster = WithAlias(new CannedResponse(429, TooManyRequests), CannedResponse.Ok(BulkOk));
        var engine = TestEngine.Create(cluster);

        await engine.UpsertAsync([CannedDocuments.Entry("JS-1")]);

        Assert.Equal(2, cluster.To(HttpMethod.POST, "/_bulk").Count());
        Assert.Single(cluster.To(HttpMethod.POST, "/_refresh"));
    }

    [Fact]
    public async Task AClusterThatStaysUnavailableFailsTheWriteAsUnavailable()
    {
        var cluster = WithAlias(new CannedResponse(503, """{"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}"""));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.MaxRetries = 2));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.UpsertAsync([CannedDocuments.Entry("JS-1")]));
        Assert.Equal(3, cluster.To(HttpMethod.POST, "/_bulk").Count());
    }

    [Fact]
    public async Task LargeWritesAreSplitIntoBatches()
    {
        var cluster = WithAlias(CannedResponse.Ok(BulkOk));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.BulkBatchSize = 2));

        await engine.UpsertAsync([.. Enumerable.Range(1, 5).Select(i => CannedDocuments.Entry($"JS-{i}"))]);

        Assert.Equal([4, 4, 2], cluster.To(HttpMethod.POST, "/_bulk").Select(b => b.Lines().Count));
    }

    [Fact]
    public async Task DeletesByIdAndAMissingDocumentIsNotAFailure()
    {
        var cluster = WithAlias(CannedResponse.Ok(BulkDeleteNotFound));
        var engine = TestEngine.Create(cluster);

        await engine.DeleteAsync(["entry:gone"]);

        var line = Assert.Single(Assert.Single(cluster.To(HttpMethod.POST, "/_bulk")).Lines());
        Assert.Equal("entry:gone", (string?)line["delete"]!["_id"]);
        Assert.Single(cluster.To(HttpMethod.POST, "/_refresh"));
    }

    [Fact]
    public async Task DeletingBeforeAnyIndexExistsDoesNothing()
    {
        var cluster = new CannedCluster().On(HttpMethod.GET, "/_alias/creditsite-documents", new CannedResponse(404, AliasMissing));

        await TestEngine.Create(cluster).DeleteAsync(["entry:JS-1"]);

        Assert.Equal(["GET /_alias/creditsite-documents"], cluster.Requests.Select(r => r.ToString()));
    }
}
