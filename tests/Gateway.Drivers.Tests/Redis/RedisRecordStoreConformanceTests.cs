using System.Net;
using System.Net.Sockets;
using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>The record store conformance suite against <c>pubsub.redis</c> on a real <c>redis-server</c>.</summary>
public sealed class RedisRecordStoreConformanceTests(RedisServerFixture server) : RecordStoreConformance, IClassFixture<RedisServerFixture>
{
    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [RedisOptions.RedisHostKey] = server.Address };
        foreach (var (key, value) in extraMetadata)
        {
            metadata[key] = value;
        }

        var factory = new RedisDriverFactory();
        Assert.Empty(factory.Validate(metadata));
        return Task.FromResult(factory.Create(new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System)));
    }

    protected override IReadOnlyDictionary<string, string> UnreachableBrokerMetadata()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Dictionary<string, string> { [RedisOptions.RedisHostKey] = $"127.0.0.1:{port}", [RedisOptions.DialTimeoutKey] = "2s" };
    }
}
