using System.Diagnostics;
using CreditSite.Search;
using CreditSite.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CreditSite.Core.Tests.Search.Elasticsearch.ElasticsearchResponses;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>What the site sees when the cluster is slow, unreachable, red or failing repeatedly: a
/// <see cref="SearchUnavailableException"/> within a bounded time, a circuit that stops asking, and recovery.</summary>
public sealed class ElasticsearchResilienceTests
{
    private static readonly SearchRequest AnySearch = new() { Text = "诚信", Today = new DateOnly(2026, 3, 1) };

    [Fact]
    public async Task ASilentClusterMakesSearchUnavailableWithinTheSearchTimeout()
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search", CannedResponse.NeverAnswers);
        var engine = TestEngine.Create(cluster, TestEngine.Options(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(150);
            o.SearchTimeout = TimeSpan.FromMilliseconds(400);
            o.MaxRetries = 5;
        }));

        var clock = Stopwatch.StartNew();
        var outage = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch));
        clock.Stop();

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(3));
        // Each attempt is cut at the request timeout and retried until the search budget runs out: normally 2–3
        // attempts; on a loaded machine the first attempt alone may use up the budget, so 1 is allowed too.
        Assert.InRange(cluster.Requests.Count, 1, 4);
        Assert.True(outage.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task AnUnreachableClusterMakesSearchUnavailableQuickly()
    {
        // A real HTTP call to a loopback port nobody listens on: connection refused.
        var options = TestEngine.Options(o =>
        {
            o.Url = $"http://127.0.0.1:{FreePort.Next()}";
            o.MaxRetries = 1;
        });
        var engine = new ElasticsearchSearchEngine(Options.Create(options), TimeProvider.System, NullLogger<ElasticsearchSearchEngine>.Instance);

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(AnySearch));

        Assert.True(clock.Elapsed < options.SearchTimeout, $"took {clock.Elapsed}");
        Assert.Equal(EngineHealth.Unavailable, await engine.CheckHealthAsync());
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
    public async Task ASlowHealthCheckIsUnavailableWithinTheRequestTimeout()
    {
        var cluster = new CannedCluster()
            .On(HttpMethod.GET, "/_alias/creditsite-documents", CannedResponse.Ok(AliasOnOldIndex))
            .On(HttpMethod.GET, "/_cluster/health/creditsite-documents", CannedResponse.NeverAnswers);
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200)));

        var clock = Stopwatch.StartNew();
        Assert.Equal(EngineHealth.Unavailable, await engine.CheckHealthAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Single(cluster.To(HttpMethod.GET, "/_cluster/health/creditsite-documents")); // no retry on a health probe
    }

    [Fact]
    public async Task ACallerCancellingIsNotAnOutage()
    {
        var cluster = new CannedCluster().On(HttpMethod.POST, "/creditsite-documents/_search", CannedResponse.NeverAnswers);
        var engine = TestEngine.Create(cluster, TestEngine.Options(o => o.RequestTimeout = TimeSpan.FromSeconds(20)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.SearchAsync(AnySearch, cancel.Token));
    }
}
