using System.Net;
using System.Net.Sockets;

namespace Gateway.LoadGen.Servers;

/// <summary>A loopback port the OS has just handed out and released.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
