using System.Net;
using System.Net.Sockets;
using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>Servers of a test's own, and settings that point nowhere.</summary>
internal static class RedisServerFixtureAccess
{
    public static Task<RedisServerFixture> StartAsync(RedisServerOptions options) => RedisServerFixture.StartAsync(options);

    /// <summary>Settings for a loopback port that was free a moment ago, so connecting is refused.</summary>
    public static RedisConnectionSettings ClosedPortSettings()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new RedisConnectionSettings { Endpoint = new RedisEndpoint("127.0.0.1", port), ConnectTimeout = TimeSpan.FromSeconds(2) };
    }
}
