using Gateway.Drivers.Kafka;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>The driver conformance suite against <c>pubsub.kafka</c> on the shared test cluster.</summary>
/// <remarks>
/// Topics are created on first use with the cluster's default partition count (several), so one
/// subscription can run several handlers at once; but a partition belongs to one group member at
/// a time, so an idle member does not take over a busy member's messages.
/// </remarks>
public sealed class KafkaConformanceTests : DriverConformance
{
    protected override bool GroupMembersShareATopic => false;

    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(20);

    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var metadata = KafkaTestCluster.Metadata(KafkaTestCluster.BootstrapServers, extraMetadata);
        var factory = new KafkaDriverFactory();
        Assert.Empty(factory.Validate(metadata));
        var context = new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System);
        return Task.FromResult(factory.Create(context));
    }
}
