using CreditSite.Search;
using CreditSite.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>What the site sees when the cluster is slow, unreachable, red or failing repeatedly: a
/// <see cref="SearchUnavailableException"/> within a bounded time, a circuit that stops asking, and recovery.
/// Timeouts and backoff run on a <see cref="FakeTimeProvider"/> the test advances, so "within the timeout" is checked
/// on the engine's own clock and never on how fast the build machine happens to be.</summary>
public sealed class ElasticsearchResilienceTests
{
    private static readonly SearchRequest AnySearch = new() { Text = "诚信", Today = new DateOnly(2026, 3, 1) };

    [Fact]
    public async Task ASilentClusterMakesSearchUnavailableOnceTheSearchTimeoutIsUsedUp()
    {
        var time = new FakeTimeProvider(TestEngine.Now);
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search", CannedResponse.NeverAnswers);
        var options = TestEngine.Options(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(150);
            o.SearchTimeout = TimeSpan.FromMilliseconds(400);
            o.MaxRetries = 5;
            o.RetryBaseDelay = TimeSpan.Zero; // retries follow at once, so the test knows exactly when each attempt starts
        });
        var engine = TestEngine.Create(cluster, options, time);

        var search = engine.SearchAsync(AnySearch);

        // Each attempt is cut at the request timeout and the next one starts: attempts at 0, 150 and 300 ms.
        for (var attempts = 1; attempts <= 3; attempts++)
        {
            await Eventually.UntilAsync(() => cluster.Requests.Count == attempts, $"attempt {attempts} never reached the cluster");
            Assert.False(search.IsCompleted, $"the search ended during attempt {attempts}, before its budget was used up");
            time.Advance(attempts < 3 ? options.RequestTimeout : options.SearchTimeout - (2 * options.RequestTimeout) - TimeSpan.FromTicks(1));
        }

        Assert.False(search.IsCompleted, "the search ended before its budget was used up");
        time.Advance(TimeSpan.FromTicks(1)); // 400 ms: the search budget is used up although retries remain

        var outage = await Assert.ThrowsAsync<SearchUnavailableException>(() => search.WaitAsync(Eventually.Patience));
        Assert.Equal(3, cluster.Requests.Count);
        Assert.True(outage.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task AnUnreachableClusterMakesSearchUnavailableWithoutWaitingForATimeout()
    {
        // A real HTTP call to a loopback port nobody listens on: connection refused. The engine's clock never moves,
        // so no timeout can fire: the search can only end because the refusal itself is reported as an outage.
        var options = TestEngine.Options(o =>
        {
            o.Url = $"http://127.0.0.1:{FreePort.Next()}";
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.Zero; // a backoff on the frozen clock would never end
        });
        var engine = new ElasticsearchSearchEngine(
            Options.Create(options), new FakeTimeProvider(TestEngine.Now), NullLogger<ElasticsearchSearchEngine>.Instance);

        var outage = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch).WaitAsync(Eventually.Patience));

        Assert.Contains("无法连接", outage.Message, StringComparison.Ordinal);
        Assert.Equal(EngineHealth.Unavailable, await engine.CheckHealthAsync().WaitAsync(Eventually.Patience));
    }

    [Fact]
    public async Task RepeatedFailuresOpenTheCircuitAndItClosesAgainAfterTheBreak()
    {
        var time = new FakeTimeProvider(TestEngine.Now);
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search",
            new CannedResponse(503, AllShardsFailed), new CannedResponse(503, AllShardsFailed), CannedResponse.Ok(SearchWithHighlightsAndFacets));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o =>
        {
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
            o.BreakDuration = TimeSpan.FromSeconds(30);
        }), time);

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch));
        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch));
        Assert.Equal(2, cluster.Requests.Count);

        // Open: the answer comes at once, without asking the cluster, and says when to come back.
        var open = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch));
        Assert.Equal(2, cluster.Requests.Count);
        Assert.InRange(open.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(EngineHealth.Unavailable, await engine.CheckHealthAsync());

        // After the break the next search is let through; the cluster is back, and so is search.
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(2, (await engine.SearchAsync(AnySearch)).Total);
        Assert.Equal(2, (await engine.SearchAsync(AnySearch)).Total);
        Assert.Equal(4, cluster.Requests.Count);
    }

    [Fact]
    public async Task BackPressureDoesNotOpenTheCircuit()
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search",
            new CannedResponse(429, TooManyRequests), new CannedResponse(429, TooManyRequests), new CannedResponse(429, TooManyRequests),
            CannedResponse.Ok(SearchEmpty));
        var engine = TestEngine.Create(cluster, TestEngine.Options(o =>
        {
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
        }));

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch));
        }

        Assert.Equal(0, (await engine.SearchAsync(AnySearch)).Total);
        Assert.Equal(4, cluster.Requests.Count);
    }

    [Theory]
    [InlineData("green", EngineHealth.Healthy)]
    [InlineData("yellow", EngineHealth.Degraded)]
    [InlineData("red", EngineHealth.Unavailable)]
    public async Task HealthFollowsTheStatusOfTheIndexBehindTheAlias(string status, EngineHealth expected)
    {
        var cluster = new CannedCluster()
            .On(HttpMethod.GET, "/_alias/creditsite-documents", CannedResponse.Ok(AliasOnOldIndex))
            .On(HttpMethod.GET, "/_cluster/health/creditsite-documents", CannedResponse.Ok(Health(status)));

        Assert.Equal(expected, await TestEngine.Create(cluster).CheckHealthAsync());
    }

    [Fact]
    public async Task BeforeTheFirstIndexHealthIsTheClusters()
    {
        var cluster = new CannedCluster()
            .On(HttpMethod.GET, "/_alias/creditsite-documents", new CannedResponse(404, AliasMissing))
            .On(HttpMethod.GET, "/_cluster/health", CannedResponse.Ok(Health("green")));

        Assert.Equal(EngineHealth.Healthy, await TestEngine.Create(cluster).CheckHealthAsync());
        Assert.Equal(["GET /_alias/creditsite-documents", "GET /_cluster/health"], cluster.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task ASlowHealthCheckIsUnavailableOnceTheRequestTimeoutIsUsedUp()
    {
        var time = new FakeTimeProvider(TestEngine.Now);
        var cluster = new CannedCluster()
            .On(HttpMethod.GET, "/_alias/creditsite-documents", CannedResponse.Ok(AliasOnOldIndex))
            .On(HttpMethod.GET, "/_cluster/health/creditsite-documents", CannedResponse.NeverAnswers);
        var options = TestEngine.Options(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var engine = TestEngine.Create(cluster, options, time);

        var health = engine.CheckHealthAsync();
        await Eventually.UntilAsync(
            () => cluster.To(HttpMethod.GET, "/_cluster/health/creditsite-documents").Any(), "the health probe never reached the cluster");
        time.Advance(options.RequestTimeout - TimeSpan.FromTicks(1));
        Assert.False(health.IsCompleted, "the health check gave up before the request timeout");
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(EngineHealth.Unavailable, await health.WaitAsync(Eventually.Patience));
        Assert.Single(cluster.To(HttpMethod.GET, "/_cluster/health/creditsite-documents")); // no retry on a health probe
    }

    [Fact]
    public async Task ACallerCancellingIsNotAnOutage()
    {
        // The engine's clock never moves, so no timeout of its own can end the search: only the caller's cancellation.
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search", CannedResponse.NeverAnswers);
        var engine = TestEngine.Create(cluster, TestEngine.Options(), new FakeTimeProvider(TestEngine.Now));
        using var cancel = new CancellationTokenSource();

        var search = engine.SearchAsync(AnySearch, cancel.Token);
        await Eventually.UntilAsync(() => cluster.Requests.Count == 1, "the search never reached the cluster");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.WaitAsync(Eventually.Patience));
    }
}
