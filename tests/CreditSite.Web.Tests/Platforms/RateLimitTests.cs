using System.Net;
using System.Text.Json;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The built-in rate limiter: per client address for pages and the API, much stricter for report
/// verification, 429 with Retry-After, and a client address that forged headers cannot change.</summary>
public sealed class RateLimitTests(LimitedSite site) : IClassFixture<LimitedSite>
{
    private static readonly Uri Home = new("/", UriKind.Relative);
    private static readonly Uri ApiSearch = new("/api/v1/search?q=" + Uri.EscapeDataString("建材"), UriKind.Relative);

    [Fact]
    public async Task PagesAnswer429WithRetryAfterAndAChinesePageAfterABurst()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i < LimitedSite.PagePermits; i++)
        {
            using var ok = await client.GetAsync(Home);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(Home);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, 60);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("访问过于频繁", html, StringComparison.Ordinal);
        Assert.Contains("秒后再试", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiAnswers429WithRetryAfterAndAProblemBody()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i < LimitedSite.ApiPermits; i++)
        {
            using var ok = await client.GetAsync(ApiSearch);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(ApiSearch);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("请求过于频繁", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("API 密钥", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportVerificationAttemptsAreLimitedMuchMoreStrictlyThanPages()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i < LimitedSite.VerificationPermits; i++)
        {
            using var attempt = await client.GetAsync(new Uri($"/reports/verify?number=20250601100000ABCDEFG{i}&code=AAAABBBBCCCC", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/reports/verify?number=20250601100000ABCDEFGH&code=AAAABBBBCCCC", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, 600);
        Assert.Contains("核验请求过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same client may still read ordinary pages: only guessing is cut off.
        using var page = await client.GetAsync(Home);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task ShowingTheEmptyVerificationFormIsNotAnAttempt()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i < LimitedSite.VerificationPermits + 2; i++)
        {
            using var form = await client.GetAsync(new Uri("/reports/verify", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }
    }

    /// <summary>An office behind one address: sign-in routes allow more than the strict limit (the pages limit is
    /// raised here so that only the sign-in limit is measured), and the refusal is the site's own page.</summary>
    [Fact]
    public async Task SignInRoutesAreGenerousAndTheirRefusalIsASitePageWithHeaderAndFooter()
    {
        using var office = new RoomyPagesSite();
        var client = office.ClientFrom(LimitedSite.NewPeer(), followRedirects: false);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LimitedSite.SignInPermits; i++)
        {
            using var response = await client.GetAsync(new Uri(i % 2 == 0 ? "/account/sign-in" : "/account/sign-in-failed", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.True(LimitedSite.SignInPermits > LimitedSite.SensitivePermits);
        Assert.All(statuses, s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, 600);
        Assert.Contains("访问过于频繁", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-footer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPageCountsOnceThoughItsErrorPageIsRenderedByASecondPass()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LimitedSite.PagePermits; i++)
        {
            using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(LimitedSite.PagePermits), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task HealthChecksAreNeverRefused()
    {
        var balancer = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i < 3 * LimitedSite.PagePermits; i++)
        {
            using var response = await balancer.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    [Fact]
    public async Task ThePrintStylesheetEveryPageLinksDoesNotSpendThePageBudget()
    {
        var visitor = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i < LimitedSite.PagePermits; i++)
        {
            using var page = await visitor.GetAsync(Home);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("href=\"/css/print-address.css\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var stylesheet = await visitor.GetAsync(new Uri("/css/print-address.css", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        }

        using var refused = await visitor.GetAsync(Home);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task EachClientAddressHasItsOwnQuota()
    {
        var greedy = site.ClientFrom(LimitedSite.NewPeer());
        for (var i = 0; i <= LimitedSite.PagePermits; i++)
        {
            (await greedy.GetAsync(Home)).Dispose();
        }

        using var other = await site.ClientFrom(LimitedSite.NewPeer()).GetAsync(Home);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task ForgedForwardedForFromAnUnknownPeerDoesNotChangeThePartition()
    {
        var client = site.ClientFrom(LimitedSite.NewPeer());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LimitedSite.PagePermits; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Home);
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(LimitedSite.PagePermits), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task ForwardedForFromAKnownProxyNamesTheClient()
    {
        var proxy = site.ClientFrom(LimitedSite.KnownProxy);
        var client = LimitedSite.NewPeer().Replace("203.0.113.", "192.0.2.", StringComparison.Ordinal);

        // Many different clients behind the proxy: each has its own quota, so none is refused.
        for (var i = 0; i < 2 * LimitedSite.PagePermits; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Home);
            request.Headers.Add("X-Forwarded-For", $"198.18.{i}.1");
            using var response = await proxy.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // One client behind the proxy is limited like any other.
        var last = HttpStatusCode.OK;
        for (var i = 0; i <= LimitedSite.PagePermits; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Home);
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await proxy.SendAsync(request);
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    private static void AssertRetryAfter(HttpResponseMessage response, int windowSeconds)
    {
        var value = Assert.Single(response.Headers.GetValues("Retry-After"));
        var seconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, windowSeconds);
    }

    /// <summary>The limited site with a pages limit above the sign-in limit.</summary>
    private sealed class RoomyPagesSite : LimitedSite
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["RateLimits:Pages:PermitLimit"] = "100" };
    }
}
