using System.Net;
using System.Net.Sockets;

namespace CreditSite.Tests.Shared;

/// <summary>Loopback ports for tests that need a real socket.</summary>
internal static class FreePort
{
    /// <summary>A loopback port the OS just handed out (port 0) and that is closed again, so a test server can bind it,
    /// or, left unbound, a connection to it is refused at once.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
