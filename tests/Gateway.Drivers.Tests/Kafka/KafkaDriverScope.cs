using System.Text;
using Gateway.Drivers.Tests.Conformance;
using Gateway.Drivers.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>Kafka drivers for one test and the subscriptions they opened, all disposed together.</summary>
internal sealed class KafkaDriverScope : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly List<IAsyncDisposable> _cleanup = [];

    public KafkaDriverScope(string bootstrapServers, IReadOnlyDictionary<string, string>? extraMetadata = null)
    {
        BootstrapServers = bootstrapServers;
        ExtraMetadata = extraMetadata;
    }

    public string BootstrapServers { get; }

    public IReadOnlyDictionary<string, string>? ExtraMetadata { get; }

    public IPubSubDriver NewDriver()
    {
        var metadata = KafkaTestCluster.Metadata(BootstrapServers, ExtraMetadata);
        var context = new DriverContext(KafkaTestCluster.UniqueName("component"), metadata, NullLoggerFactory.Instance, TimeProvider.System);
        var driver = new KafkaDriverFactory().Create(context);
        _cleanup.Add(driver);
        return driver;
    }

    public async Task<ISubscription> SubscribeAsync(IPubSubDriver driver, string topic, string group, MessageHandler handler, int maxConcurrency = 1)
    {
        var subscription = await driver.SubscribeAsync(new SubscribeRequest(topic, group, new Dictionary<string, string>(), maxConcurrency), handler, CancellationToken.None);
        _cleanup.Add(subscription);
        return subscription;
    }

    public static PublishRequest Text(string topic, string text, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(topic, Encoding.UTF8.GetBytes(text), "text/plain", metadata ?? new Dictionary<string, string>());

    public static Task WaitUntilAsync(Func<bool> condition, Func<string> describeFailure) =>
        Eventually.HoldsAsync(condition, Patience, describeFailure);

    public async ValueTask DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }
    }
}
