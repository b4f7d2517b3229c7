using System.Net;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.RateLimits;

/// <summary>Over a real socket (the in-memory server has no remote address): a forwarded header changes the client
/// address only when it comes from a configured proxy — never from loopback by default.</summary>
public sealed class ForwardedHeadersTests
{
    private const int ApiLimit = 3;

    /// <summary>The site on Kestrel with a small API limit and, optionally, one trusted proxy.</summary>
    private sealed class LimitedSite : SiteFactory
    {
        private readonly string? _proxy;

        public LimitedSite(string? proxy)
        {
            _proxy = proxy;
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }

        public Uri BaseAddress { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:Api:PermitLimit", ApiLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:Api:WindowSeconds", "3600");
            if (_proxy is not null)
            {
                builder.UseSetting("ForwardedHeaders:KnownProxies:0", _proxy);
            }
        }
    }

    [Fact]
    public async Task WithNoProxyConfiguredAForgedForwardedForFromLoopbackDoesNotEscapeTheLimit()
    {
        using var site = new LimitedSite(proxy: null);
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        for (var i = 0; i < ApiLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/search?q=a", UriKind.Relative))).StatusCode);
        }

        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=a");
            request.Headers.Add("X-Forwarded-For", $"10.9.0.{i + 1}");
            forged.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.All(forged, status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
    }

    [Fact]
    public async Task WithTheConnectingAddressConfiguredAsAProxyEachForwardedClientHasItsOwnBudget()
    {
        using var site = new LimitedSite(proxy: "127.0.0.1");
        using var client = new HttpClient { BaseAddress = site.BaseAddress };

        async Task<HttpStatusCode> AsAsync(string clientAddress)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=a");
            request.Headers.Add("X-Forwarded-For", clientAddress);
            return (await client.SendAsync(request)).StatusCode;
        }

        for (var i = 0; i < ApiLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await AsAsync("203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await AsAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await AsAsync("203.0.113.8"));
    }
}
