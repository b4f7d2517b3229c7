
namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>The real site on a real Kestrel socket (a free loopback port), for a real browser.</summary>
public sealed class KestrelSiteFactory : SiteFactory
{
    public KestrelSiteFactory()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = TestServers.BaseAddressOf(Services);
    }

    public Uri BaseAddress { get; }
}
