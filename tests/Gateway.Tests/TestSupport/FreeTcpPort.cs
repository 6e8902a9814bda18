using System.Net;
using System.Net.Sockets;

namespace Gateway.Tests.TestSupport;

/// <summary>A loopback port the OS just handed out, for a server a test starts outside .NET (a Node app).</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
