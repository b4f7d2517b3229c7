using System.Net;
using System.Text.Json;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.Search;

/// <summary>The real site configured for Elasticsearch with no cluster listening: search answers 503 with a Chinese
/// message and Retry-After, other pages keep working, and /healthz says degraded. That the engine gives up within its
/// timeouts is checked on a fake clock in the core tests (ElasticsearchResilienceTests), not with a stopwatch here.</summary>
public sealed class ElasticsearchOutageTests : IClassFixture<ElasticsearchOutageTests.UnreachableClusterSite>
{
    private readonly UnreachableClusterSite _site;

    public ElasticsearchOutageTests(UnreachableClusterSite site) => _site = site;

    [Fact]
    public async Task TheSearchPageAnswers503WithAChineseMessageAndRetryAfter()
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(new Uri("/search?q=%E8%AF%9A%E4%BF%A1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        // Razor may write Chinese as character references: compare the text a browser shows.
        Assert.Contains("搜索服务暂时不可用", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSearchApiAnswers503ProblemWithRetryAfter()
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/search?q=%E9%A3%9F%E5%93%81", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("服务暂时不可用", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("搜索服务暂时不可用", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Every API and feed answers an outage the same way, through the one handler.</summary>
    [Theory]
    [InlineData("POST", "/api/v1/status", "application/problem+json")]
    [InlineData("GET", "/api/v1/subjects/91320402MA1MRH4B88", "application/problem+json")]
    [InlineData("GET", "/feeds/black-list.atom", "text/plain")]
    public async Task ApisAndFeedsAnswer503WithRetryAfterAndTheOneMessage(string method, string path, string mediaType)
    {
        using var client = _site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"codes\":[\"91320402MA1MRH4B88\"]}", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("搜索服务暂时不可用，请稍后再试。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageKeepsWorking()
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthzSaysDegradedAndNamesTheUnavailableEngine()
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        var search = health.RootElement.GetProperty("checks").GetProperty("search");
        Assert.Equal("elasticsearch", search.GetProperty("data").GetProperty("engine").GetString());
        Assert.Equal("unavailable", search.GetProperty("data").GetProperty("engine_health").GetString());
    }

    public sealed class UnreachableClusterSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            TestServers.UseUnreachableCluster(builder);
        }
    }
}
