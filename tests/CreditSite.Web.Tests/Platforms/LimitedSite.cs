using System.Net;
using CreditSite.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The site with small limits (pages 5, API 3 per minute, report verification 2 and sign-in 3 per 10 minutes), one known
/// proxy (198.51.100.1), and a way to choose the TCP peer of a request: the in-memory test server has no sockets, so
/// a test sends <see cref="PeerHeader"/> and a first middleware makes it the connection's remote address, the way
/// Kestrel would.</summary>
public class LimitedSite : SeededPlatformSite
{
    public const string PeerHeader = "X-Test-Peer";
    public const string KnownProxy = "198.51.100.1";
    public const int PagePermits = 5;
    public const int ApiPermits = 3;
    public const int VerificationPermits = 2;
    public const int SensitivePermits = 3;
    public const int SignInPermits = 8;

    private static int _nextPeer;

    protected override IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:Pages:PermitLimit"] = PagePermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Pages:WindowSeconds"] = "60",
        ["RateLimits:Api:PermitLimit"] = ApiPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Api:WindowSeconds"] = "60",
        ["RateLimits:ReportVerification:PermitLimit"] = VerificationPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ReportVerification:WindowSeconds"] = "600",
        ["RateLimits:Sensitive:PermitLimit"] = SensitivePermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Sensitive:WindowSeconds"] = "600",
        ["RateLimits:SignIn:PermitLimit"] = SignInPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:SignIn:WindowSeconds"] = "600",
        ["ForwardedHeaders:KnownProxies:0"] = KnownProxy,
    };

    /// <summary>A client address no other test uses, so each test starts with full quotas.</summary>
    public static string NewPeer() => $"203.0.113.{Interlocked.Increment(ref _nextPeer)}";

    public HttpClient ClientFrom(string peer, bool followRedirects = true)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    /// <summary>Issues a key through the CLI command, into this site's data folder.</summary>
    public async Task<(int Id, string Secret)> IssueKeyAsync(string name, int quota)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CreditSiteCli.RunAsync(["api-key", "issue", "--name", name, "--quota", quota.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new CliConsole(output, error), ThisSitesStore, CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(lines[0], "#([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (id, lines.Single(l => l.StartsWith("csk_", StringComparison.Ordinal)));
    }

    public async Task RevokeKeyAsync(int id)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CreditSiteCli.RunAsync(["api-key", "revoke", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new CliConsole(output, error), ThisSitesStore, CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
    }

    private Dictionary<string, string?> ThisSitesStore => new() { ["Storage:DataPath"] = DataPath };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                    context.Request.Headers.Remove(PeerHeader);
                }

                return following(context);
            });
            next(app);
        };
    }
}
