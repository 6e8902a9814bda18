using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Reads a record store topic from the beginning, for as long as it lives, into one map (the latest
/// value per key; a null value deletes the key). A read of all records asks the brokers for each
/// partition's high watermark, then waits until this reader has passed it, so it reflects every write
/// acknowledged before (an <c>acks=all</c> write is below the high watermark once acknowledged).
/// </summary>
/// <remarks>
/// The consumer is assigned its partitions directly (no group, no commits). Its blocking
/// <c>Consume</c> runs on its own long-running thread; partition-end events move the position past
/// offsets that compaction removed.
/// </remarks>
internal sealed class KafkaRecordReader : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    private readonly string _componentName;
    private readonly string _topic;
    private readonly ILogger _logger;
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly IReadOnlyList<TopicPartition> _partitions;
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _positions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public KafkaRecordReader(string componentName, KafkaOptions options, string topic, IReadOnlyList<TopicPartition> partitions, ILogger logger)
    {
        _componentName = componentName;
        _topic = topic;
        _partitions = partitions;
        _logger = logger;
        var config = KafkaClientConfigs.Consumer(options, $"{topic}-reader");
        config.EnablePartitionEof = true;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        config.FetchWaitMaxMs = 100;
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => KafkaLog.ClientError(_logger, _componentName, $"record store reader of {_topic}", KafkaErrorClassifier.Describe(error)))
            .SetLogHandler((_, message) => KafkaLog.Librdkafka(_logger, _componentName, message.Facility, message.Message))
            .Build();
        foreach (var partition in partitions)
        {
            _positions[partition.Partition.Value] = 0;
        }
    }

    public void Start()
    {
        _consumer.Assign(_partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        _loop = Task.Factory.StartNew(ConsumeLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Every record, once this reader has passed the high watermark each partition has now.</summary>
    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> ReadAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Dictionary<int, long> targets;
        try
        {
            // librdkafka's own timeout on the offset query is not always kept while brokers are away, so the
            // wait is bounded here as well: the caller gets a transient error in about the timeout, not later.
            targets = await Task.Run(() => HighWatermarks(timeout), cancellationToken).WaitAsync(timeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new DriverException(
                KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}': the brokers did not tell where it ends within {timeout.TotalSeconds:0} s."),
                isTransient: true,
                exception);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task progress;
            lock (_gate)
            {
                if (targets.All(target => _positions[target.Key] >= target.Value))
                {
                    return new Dictionary<string, ReadOnlyMemory<byte>>(_records, StringComparer.Ordinal);
                }

                progress = _progress.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new DriverException(
                    KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}': the reader did not reach the end of the topic within {timeout.TotalSeconds:0} s ({Describe(targets)})."),
                    isTransient: true);
            }

            try
            {
                await progress.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported.
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _loop.Wait();
        try
        {
            _consumer.Close();
        }
        catch (KafkaException exception)
        {
            KafkaRecordStoreLog.ReadFailed(_logger, _componentName, _topic, KafkaErrorClassifier.Describe(exception.Error));
        }
        finally
        {
            _consumer.Dispose();
            _stopping.Dispose();
        }
    }

    private Dictionary<int, long> HighWatermarks(TimeSpan timeout)
    {
        var targets = new Dictionary<int, long>();
        try
        {
            foreach (var partition in _partitions)
            {
                targets[partition.Partition.Value] = _consumer.QueryWatermarkOffsets(partition, timeout).High.Value;
            }
        }
        catch (KafkaException exception)
        {
            throw new DriverException(
                KafkaMessages.ForComponent(_componentName, $"record store topic '{_topic}': the brokers did not tell where it ends: {KafkaErrorClassifier.Describe(exception.Error)}."),
                KafkaErrorClassifier.IsTransient(exception.Error),
                exception);
        }

        return targets;
    }

    private void ConsumeLoop()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (_consumer.Consume(PollTimeout) is { } result)
                {
                    Apply(result);
                }
            }
            catch (ConsumeException exception)
            {
                KafkaRecordStoreLog.ReadFailed(_logger, _componentName, _topic, KafkaErrorClassifier.Describe(exception.Error));
                _stopping.Token.WaitHandle.WaitOne(PollTimeout);
            }
        }
    }

    private void Apply(ConsumeResult<byte[]?, byte[]?> result)
    {
        TaskCompletionSource progressed;
        lock (_gate)
        {
            var partition = result.Partition.Value;
            if (result.IsPartitionEOF)
            {
                _positions[partition] = Math.Max(_positions[partition], result.Offset.Value);
            }
            else
            {
                // Records without a key were not written by a record store; they are skipped.
                if (result.Message.Key is { } key)
                {
                    var name = Encoding.UTF8.GetString(key);
                    if (result.Message.Value is { } value)
                    {
                        _records[name] = value;
                    }
                    else
                    {
                        _records.Remove(name);
                    }
                }

                _positions[partition] = Math.Max(_positions[partition], result.Offset.Value + 1);
            }

            progressed = _progress;
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        progressed.TrySetResult();
    }

    private string Describe(Dictionary<int, long> targets)
    {
        lock (_gate)
        {
            return string.Join(", ", targets.Select(t => $"partition {t.Key}: at {_positions[t.Key]} of {t.Value}"));
        }
    }
}
