using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// A record store of a <c>pubsub.kafka</c> component: the compacted topic
/// <c>gateway.records.&lt;name&gt;</c> (<see cref="KafkaRecordTopic"/>), the record key as the Kafka key,
/// a null value (tombstone) for a delete. Writes go through the driver's idempotent <c>acks=all</c>
/// producer; reads come from a <see cref="KafkaRecordReader"/> that follows the topic. The topic and
/// the reader are set up on first use, and again on the next use after a failure.
/// </summary>
internal sealed class KafkaRecordStore : IRecordStore
{
    /// <summary>How long setting up, asking for offsets or catching up may take before the operation fails as transient.</summary>
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(10);

    private readonly string _componentName;
    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly string _topic;
    private readonly IProducer<byte[], byte[]?> _producer;
    private readonly Handle _producerHandle;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly Action<KafkaRecordStore> _onDisposed;
    private KafkaRecordReader? _reader;
    private bool _disposed;

    public KafkaRecordStore(string componentName, string name, KafkaOptions options, Handle producerHandle, ILogger logger, Action<KafkaRecordStore> onDisposed)
    {
        RecordStoreNames.Validate(name);
        _componentName = componentName;
        _options = options;
        _logger = logger;
        _onDisposed = onDisposed;
        _topic = KafkaRecordTopic.NameOf(name);
        _producer = new DependentProducerBuilder<byte[], byte[]?>(producerHandle).Build();
        _producerHandle = producerHandle;
    }

    public string Location => $"kafka topic '{_topic}'";

    public async ValueTask PutAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureReaderAsync(cancellationToken);
        await ProduceAsync(key, value.ToArray(), "the record was not stored", cancellationToken);
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureReaderAsync(cancellationToken);
        await ProduceAsync(key, null, "the record was not deleted", cancellationToken);
    }

    public async ValueTask<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var reader = await EnsureReaderAsync(cancellationToken);
        return await reader.ReadAllAsync(BrokerTimeout, cancellationToken);
    }

    /// <summary>Stops the reader. The producer handle belongs to the driver, which closes it afterwards.</summary>
    public async ValueTask DisposeAsync()
    {
        await _setup.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _reader?.Dispose();
            _producer.Dispose();
        }
        finally
        {
            _setup.Release();
        }

        _onDisposed(this);
    }

    private async Task<KafkaRecordReader> EnsureReaderAsync(CancellationToken cancellationToken)
    {
        await _setup.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                throw new DriverException(KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}' is closed: the driver is shutting down."), isTransient: true);
            }

            if (_reader is null)
            {
                // The admin client lives only for the setup: Confluent.Kafka's admin client keeps a polling thread
                // that spins a core for as long as it exists (see KafkaHealthCheck).
                IReadOnlyList<TopicPartition> partitions;
                using (var admin = new DependentAdminClientBuilder(_producerHandle).Build())
                {
                    partitions = await KafkaRecordTopic.EnsureAsync(admin, _componentName, _topic, BrokerTimeout, _logger, cancellationToken);
                }

                var reader = new KafkaRecordReader(_componentName, _options, _topic, partitions, _logger);
                reader.Start();
                _reader = reader;
            }

            return _reader;
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task ProduceAsync(string key, byte[]? value, string what, CancellationToken cancellationToken)
    {
        try
        {
            await _producer.ProduceAsync(_topic, new Message<byte[], byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = value }, cancellationToken)
                .WaitAsync(_options.PublishTimeout + TimeSpan.FromMilliseconds(250), cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new DriverException(
                KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}': {what}: the brokers did not confirm it within publishTimeout ({_options.PublishTimeout.TotalSeconds:0.###} s)."),
                isTransient: true, exception);
        }
        catch (ProduceException<byte[], byte[]?> exception)
        {
            throw Failed(what, exception.Error, exception);
        }
        catch (KafkaException exception)
        {
            throw Failed(what, exception.Error, exception);
        }
        catch (ObjectDisposedException exception)
        {
            throw new DriverException(KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}': {what}: the driver is shutting down."), isTransient: true, exception);
        }
    }

    private DriverException Failed(string what, Error error, Exception exception) =>
        new(KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}': {what}: {KafkaErrorClassifier.Describe(error)}."), KafkaErrorClassifier.IsTransient(error), exception);
}
