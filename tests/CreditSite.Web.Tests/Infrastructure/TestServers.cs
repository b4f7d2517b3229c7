using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>What several test sites set up the same way.</summary>
internal static class TestServers
{
    /// <summary>The loopback address a site started on Kestrel (port 0) actually listens on, as a browser reaches it.</summary>
    public static Uri BaseAddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    /// <summary>Elasticsearch as the engine, pointed at a port where nothing listens, with short timeouts: every
    /// search is an outage.</summary>
    public static void UseUnreachableCluster(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:Engine", "Elasticsearch");
        builder.UseSetting("Search:Elasticsearch:Url", $"http://127.0.0.1:{FreePort.Next()}");
        builder.UseSetting("Search:Elasticsearch:RequestTimeout", "00:00:01");
        builder.UseSetting("Search:Elasticsearch:SearchTimeout", "00:00:03");
    }
}
