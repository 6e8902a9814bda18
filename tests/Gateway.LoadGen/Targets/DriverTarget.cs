using Gateway.Drivers;
using Gateway.LoadGen.Load;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.LoadGen.Targets;

/// <summary>
/// A broker written directly, without HTTP and without the gateway: the gateway's own driver (the same
/// client library, configuration and entry layout) in this process, publishing the CloudEvent bytes the
/// gateway would store. With <paramref name="driverPerWorker"/> each worker has its own driver (its own
/// connection: Redis); otherwise the workers share one (one producer, as the gateway has: Kafka).
/// </summary>
internal sealed class DriverTarget(
    IPubSubDriverFactory factory,
    string componentName,
    IReadOnlyDictionary<string, string> metadata,
    string topic,
    byte[] envelope,
    bool driverPerWorker) : ILoadTarget
{
    private const string ContentType = "application/cloudevents+json";
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private readonly List<IPubSubDriver> _drivers = [];
    private readonly Lock _gate = new();
    private readonly int[] _stampOffsets = Payload.StampOffsets(envelope);

    public int MessagesPerSend => 1;

    public ValueTask<IMessageSender> CreateSenderAsync(CancellationToken cancellationToken)
    {
        IPubSubDriver driver;
        lock (_gate)
        {
            if (driverPerWorker || _drivers.Count == 0)
            {
                _drivers.Add(factory.Create(new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System)));
            }

            driver = _drivers[^1];
        }

        return ValueTask.FromResult<IMessageSender>(new Sender(driver, topic, (byte[])envelope.Clone(), _stampOffsets));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var driver in _drivers)
        {
            await driver.DisposeAsync();
        }
    }

    private sealed class Sender(IPubSubDriver driver, string topic, byte[] data, int[] stampOffsets) : IMessageSender
    {
        public async ValueTask<string?> SendAsync(long stamp, CancellationToken cancellationToken)
        {
            Payload.Write(data, stampOffsets, stamp);
            try
            {
                await driver.PublishAsync(new PublishRequest(topic, data, ContentType, NoMetadata), cancellationToken);
                return null;
            }
            catch (DriverException ex)
            {
                return ex.IsTransient ? "broker transient" : "broker";
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
