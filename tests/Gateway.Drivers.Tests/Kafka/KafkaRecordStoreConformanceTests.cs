using System.Net;
using System.Net.Sockets;
using Gateway.Drivers.Kafka;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>The record store conformance suite against <c>pubsub.kafka</c> on the shared test cluster.</summary>
public sealed class KafkaRecordStoreConformanceTests : RecordStoreConformance
{
    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var metadata = KafkaTestCluster.Metadata(KafkaTestCluster.BootstrapServers, extraMetadata);
        var factory = new KafkaDriverFactory();
        Assert.Empty(factory.Validate(metadata));
        return Task.FromResult(factory.Create(new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System)));
    }

    protected override IReadOnlyDictionary<string, string> UnreachableBrokerMetadata()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Dictionary<string, string> { [KafkaMetadataSchema.Brokers] = $"127.0.0.1:{port}", [KafkaMetadataSchema.PublishTimeout] = "3s" };
    }
}
