using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// The Kafka cluster behind one <c>pubsub.kafka</c> component: one idempotent producer shared by
/// every publish, one consumer-group member per subscription.
/// </summary>
internal sealed partial class KafkaDriver : IPubSubDriver, IBulkPublisher, IDriverHealth, IRecordStoreProvider
{
    /// <summary>How long disposing waits for records the producer still holds.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    private readonly string _componentName;
    private readonly KafkaOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly KafkaPublisher _publisher;
    private readonly KafkaHealthCheck _health;
    private readonly HashSet<KafkaSubscription> _subscriptions = [];
    private readonly HashSet<KafkaRecordStore> _recordStores = [];
    private readonly Lock _gate = new();
    private Task? _stop;

    public KafkaDriver(DriverContext context, KafkaOptions options)
    {
        _componentName = context.ComponentName;
        _options = options;
        _timeProvider = context.TimeProvider;
        _logger = context.LoggerFactory.CreateLogger<KafkaDriver>();
        _publisher = new KafkaPublisher(_componentName, options, _logger);
        _health = new KafkaHealthCheck(_publisher.Handle);
    }

    public ValueTask PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ThrowIfStopped();
        return new ValueTask(_publisher.PublishAsync(request, cancellationToken));
    }

    public async ValueTask<IReadOnlyList<BulkPublishFailure>> PublishBulkAsync(IReadOnlyList<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        ThrowIfStopped();
        return await _publisher.PublishBulkAsync(entries, cancellationToken);
    }

    public async ValueTask<ISubscription> SubscribeAsync(SubscribeRequest request, MessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        ArgumentException.ThrowIfNullOrEmpty(request.ConsumerGroup);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxConcurrency, 1);
        cancellationToken.ThrowIfCancellationRequested();

        KafkaSubscription subscription;
        lock (_gate)
        {
            ThrowIfStopped();
            subscription = new KafkaSubscription(_componentName, _options, request, handler, _logger, _timeProvider, Forget);
            _subscriptions.Add(subscription);
        }

        await KafkaTopicDiscovery.AskAsync(_publisher.Handle, _componentName, request.Topic, _logger, cancellationToken);
        await subscription.StartAsync(cancellationToken);
        return subscription;
    }

    /// <summary>A compacted topic written through this driver's producer (<see cref="KafkaRecordStore"/>).</summary>
    public IRecordStore OpenRecordStore(string name)
    {
        lock (_gate)
        {
            ThrowIfStopped();
            var store = new KafkaRecordStore(_componentName, name, _options, _publisher.Handle, _logger, ForgetStore);
            _recordStores.Add(store);
            return store;
        }
    }

    public ValueTask<string?> CheckAsync(CancellationToken cancellationToken) => _health.CheckAsync(cancellationToken);

    /// <summary>Stops every subscription (cancelling handlers, committing, leaving the group), then flushes and closes the producer.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stop ??= Task.Run(StopAsync);
            return new ValueTask(_stop);
        }
    }

    private async Task StopAsync()
    {
        KafkaSubscription[] running;
        KafkaRecordStore[] stores;
        lock (_gate)
        {
            running = [.. _subscriptions];
            stores = [.. _recordStores];
        }

        await Task.WhenAll(running.Select(s => s.DisposeAsync().AsTask()));

        // Record stores write through the producer's handle, so they close before it.
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        _publisher.Close(FlushTimeout);
    }

    private void Forget(KafkaSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private void ForgetStore(KafkaRecordStore store)
    {
        lock (_gate)
        {
            _recordStores.Remove(store);
        }
    }

    private void ThrowIfStopped()
    {
        if (Volatile.Read(ref _stop) is not null)
        {
            throw new DriverException(KafkaMessages.Stopped(_componentName), isTransient: true);
        }
    }
}
