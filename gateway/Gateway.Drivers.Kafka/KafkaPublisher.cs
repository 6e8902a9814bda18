using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// The driver's one idempotent producer (<c>acks=all</c>). A publish completes on its delivery
/// report; a broker outage fails it once <see cref="KafkaOptions.PublishTimeout"/> has passed.
/// </summary>
internal sealed class KafkaPublisher : IDisposable
{
    private readonly string _componentName;
    private readonly ILogger _logger;
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly TimeSpan _publishTimeout;
    private readonly KafkaHeaderPolicy _headers;

    public KafkaPublisher(string componentName, KafkaOptions options, ILogger logger)
    {
        _componentName = componentName;
        _publishTimeout = options.PublishTimeout;
        _headers = options.Headers;
        _logger = logger;
        _producer = new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Producer(options))
            .SetDefaultPartitioner(KafkaPartitioner.Choose)
            .SetErrorHandler((_, error) => KafkaLog.ClientError(_logger, _componentName, "producer", KafkaErrorClassifier.Describe(error)))
            .SetLogHandler((_, message) => KafkaLog.Librdkafka(_logger, _componentName, message.Facility, message.Message))
            .Build();
    }

    /// <summary>The producer's librdkafka handle, shared with the health check's metadata requests.</summary>
    public Handle Handle => _producer.Handle;

    public async Task PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        var partition = KafkaRecordLayout.TargetPartition(request)
            ?? throw new DriverException(
                KafkaMessages.ForComponent(_componentName, $"publish metadata '{KafkaRecordLayout.PartitionNumber}' must be a partition number of 0 or more; the value '{request.Metadata[KafkaRecordLayout.PartitionNumber]}' is not recognised."),
                isTransient: false);
        try
        {
            // librdkafka's own message timeout can report several seconds late; the caller is answered on
            // time. The record may still be written afterwards: a 5xx means "not known to be stored".
            await _producer.ProduceAsync(new TopicPartition(request.Topic, partition), KafkaRecordLayout.ToRecord(request, _headers), cancellationToken)
                .WaitAsync(_publishTimeout + TimeSpan.FromMilliseconds(250), cancellationToken);
        }
        catch (TimeoutException exception)
        {
            KafkaLog.PublishFailed(_logger, _componentName, request.Topic, "no delivery report in time", true);
            throw new DriverException(
                KafkaMessages.ForComponent(_componentName, $"topic '{request.Topic}': the broker did not confirm the message within publishTimeout ({_publishTimeout.TotalSeconds:0.###} s); it may or may not be stored."),
                isTransient: true, exception);
        }
        catch (ProduceException<byte[]?, byte[]> exception)
        {
            throw Classify(request.Topic, exception.Error, exception);
        }
        catch (KafkaException exception)
        {
            throw Classify(request.Topic, exception.Error, exception);
        }
        catch (ObjectDisposedException exception)
        {
            throw new DriverException(KafkaMessages.Stopped(_componentName), isTransient: true, exception);
        }
    }

    public async Task<IReadOnlyList<BulkPublishFailure>> PublishBulkAsync(IReadOnlyList<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // Every record is handed to the producer before any report is awaited, so they travel in batches.
        var pending = entries.Select(entry => (entry.EntryId, Delivery: PublishAsync(entry.Request, cancellationToken))).ToList();
        var failures = new List<BulkPublishFailure>();
        foreach (var (entryId, delivery) in pending)
        {
            try
            {
                await delivery;
            }
            catch (DriverException error)
            {
                failures.Add(new BulkPublishFailure(entryId, error));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return failures;
    }

    /// <summary>Waits for records still in flight, up to <paramref name="timeout"/>, then releases the producer.</summary>
    public void Close(TimeSpan timeout)
    {
        _producer.Flush(timeout);
        _producer.Dispose();
    }

    public void Dispose() => _producer.Dispose();

    private DriverException Classify(string topic, Error error, Exception exception)
    {
        var transient = KafkaErrorClassifier.IsTransient(error);
        KafkaLog.PublishFailed(_logger, _componentName, topic, KafkaErrorClassifier.Describe(error), transient);
        return new DriverException(KafkaMessages.PublishFailed(_componentName, topic, KafkaErrorClassifier.Describe(error)), transient, exception);
    }
}
