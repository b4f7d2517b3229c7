using System.Net;
using System.Text.Json;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>A request with an API key counts against that key's quota; without one, against the anonymous quota of
/// its client address. Keys come from the CLI.</summary>
public sealed class ApiKeyQuotaTests(LimitedSite site) : IClassFixture<LimitedSite>
{
    private static readonly Uri ApiSearch = new("/api/v1/search?q=" + Uri.EscapeDataString("建材"), UriKind.Relative);

    [Fact]
    public async Task KeyGetsItsOwnQuotaWhileTheSameAddressWithoutAKeyGetsTheAnonymousOne()
    {
        const int Quota = 7;
        var (_, secret) = await site.IssueKeyAsync("常州某电商平台", Quota);
        var peer = LimitedSite.NewPeer();
        var keyed = site.ClientFrom(peer);
        keyed.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var anonymous = site.ClientFrom(peer);

        var keyedStatuses = await BurstAsync(keyed, Quota + 1);
        Assert.All(keyedStatuses.Take(Quota), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, keyedStatuses[^1]);

        // The key's requests did not use up the address's anonymous quota, which is smaller.
        var anonymousStatuses = await BurstAsync(anonymous, LimitedSite.ApiPermits + 1);
        Assert.All(anonymousStatuses.Take(LimitedSite.ApiPermits), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymousStatuses[^1]);
    }

    [Fact]
    public async Task KeyQuotaIsSharedByEveryAddressUsingTheKey()
    {
        const int Quota = 4;
        var (_, secret) = await site.IssueKeyAsync("分布式平台", Quota);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Quota; i++)
        {
            var client = site.ClientFrom(LimitedSite.NewPeer());
            client.DefaultRequestHeaders.Add("X-Api-Key", secret);
            using var response = await client.GetAsync(ApiSearch);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(Quota), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task StatusCallsCountAgainstTheKey()
    {
        var (_, secret) = await site.IssueKeyAsync("入驻审核系统", 2);
        var client = site.ClientFrom(LimitedSite.NewPeer());
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var content = new StringContent($"{{\"codes\":[\"{SeededPlatformSite.BlackCode}\"]}}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/v1/status", UriKind.Relative), content);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("csk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("csk_")]
    public async Task UnknownOrMalformedKeyIsRefusedWithAChineseProblem(string key)
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await client.GetAsync(ApiSearch);

        await AssertRefusedKeyAsync(response);
    }

    [Fact]
    public async Task RevokedKeyIsRefused()
    {
        var (id, secret) = await site.IssueKeyAsync("已停止合作的平台", 100);
        await site.RevokeKeyAsync(id);
        var client = site.ClientFrom(LimitedSite.NewPeer());
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        using var response = await client.GetAsync(ApiSearch);

        await AssertRefusedKeyAsync(response);
    }

    [Fact]
    public async Task MadeUpKeysAreLimitedLikeAnonymousRequests()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LimitedSite.ApiPermits; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ApiSearch);
            request.Headers.Add("X-Api-Key", $"csk_{i}guess");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(LimitedSite.ApiPermits), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task KeyIssuedBeforeTheSiteFirstStartsWorksAndTheListStoreStillMigrates()
    {
        await using var fresh = new LimitedSite();
        // The CLI creates the database with only the keys table in it; the site then starts on that folder.
        var (_, secret) = await fresh.IssueKeyAsync("首批接入平台", 50);
        await fresh.InitializeAsync();
        var client = fresh.ClientFrom(LimitedSite.NewPeer());
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        using var content = new StringContent($"{{\"codes\":[\"{SeededPlatformSite.BlackCode}\"]}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/status", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"blackCount\":2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordChangeCallsCountAgainstTheAnonymousQuotaAndAKeysQuota()
    {
        var changes = new Uri("/api/v1/records?kind=penalty&changed_since=2000-01-01", UriKind.Relative);
        var (_, secret) = await site.IssueKeyAsync("记录镜像平台", 5);
        var peer = LimitedSite.NewPeer();
        var keyed = site.ClientFrom(peer);
        keyed.DefaultRequestHeaders.Add("X-Api-Key", secret);

        var anonymousStatuses = await BurstAsync(site.ClientFrom(peer), LimitedSite.ApiPermits + 1, changes);
        var keyedStatuses = await BurstAsync(keyed, 6, changes);

        Assert.All(anonymousStatuses.Take(LimitedSite.ApiPermits), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymousStatuses[^1]);
        Assert.All(keyedStatuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, keyedStatuses[^1]);
    }

    private static async Task<List<HttpStatusCode>> BurstAsync(HttpClient client, int count, Uri? uri = null)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(uri ?? ApiSearch);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task AssertRefusedKeyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("API 密钥无效或已被吊销", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
