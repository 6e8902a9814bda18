using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// One consumer-group member for one topic: a blocking <c>Consume</c> loop on its own long-running
/// thread hands records to one <see cref="PartitionWorker"/> per assigned partition and commits the
/// <see cref="OffsetCommitter"/>'s watermarks: every second, when partitions are taken away, and at
/// the end, before <c>Close()</c>.
/// </summary>
/// <remarks>
/// The consumer object is only touched on the loop's thread (the rebalance callbacks run inside
/// <c>Consume</c> and <c>Close</c>), so the worker table needs no lock.
/// </remarks>
internal sealed partial class KafkaSubscription : ISubscription
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    private const int PauseAbove = 1000;
    private const int ResumeBelow = 100;

    private readonly string _componentName;
    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly PartitionContext _partitionContext;
    private readonly Dictionary<TopicPartition, PartitionWorker> _workers = [];
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly Action<KafkaSubscription> _onStopped;
    private readonly Lock _gate = new();
    private Task _loop = Task.CompletedTask;
    private Task? _stop;
    private long _lastCommit;

    public KafkaSubscription(string componentName, KafkaOptions options, SubscribeRequest request, MessageHandler handler, ILogger logger, TimeProvider timeProvider, Action<KafkaSubscription> onStopped)
    {
        _componentName = componentName;
        _options = options;
        _logger = logger;
        _onStopped = onStopped;
        Topic = request.Topic;
        ConsumerGroup = request.ConsumerGroup;
        MaxConcurrency = request.MaxConcurrency;
        _partitionContext = new PartitionContext(
            handler,
            new SemaphoreSlim(request.MaxConcurrency, request.MaxConcurrency),
            new OffsetCommitter(),
            new KafkaRetryBackoff(options),
            timeProvider,
            logger,
            componentName,
            request.ConsumerGroup,
            options.Headers);
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Consumer(options, request.ConsumerGroup))
            .SetPartitionsAssignedHandler((consumer, partitions) => OnAssigned(consumer, partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked([.. partitions.Select(p => p.TopicPartition)], commit: true))
            .SetPartitionsLostHandler((_, partitions) => OnRevoked([.. partitions.Select(p => p.TopicPartition)], commit: false))
            .SetErrorHandler((_, error) => KafkaLog.ClientError(_logger, _componentName, $"consumer of group {ConsumerGroup}", KafkaErrorClassifier.Describe(error)))
            .SetLogHandler((_, message) => KafkaLog.Librdkafka(_logger, _componentName, message.Facility, message.Message))
            .Build();
    }

    public string Topic { get; }

    public string ConsumerGroup { get; }

    public int MaxConcurrency { get; }

    /// <summary>
    /// Starts the loop and returns once the group has given this member its partitions and their
    /// start positions are fixed, so a record written afterwards is never skipped.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Factory.StartNew(ConsumeLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await _joined.Task.WaitAsync(JoinTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            await DisposeAsync();
            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw new DriverException(
                KafkaMessages.SubscribeFailed(_componentName, Topic, ConsumerGroup, $"the group gave this member no partitions within {JoinTimeout.TotalSeconds:0}s; check that the brokers are reachable"),
                isTransient: true,
                exception);
        }

        KafkaLog.SubscriptionStarted(_logger, _componentName, Topic, ConsumerGroup, MaxConcurrency);
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stop ??= StopAsync();
            return new ValueTask(_stop);
        }
    }

    private async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _onStopped(this);
        KafkaLog.SubscriptionStopped(_logger, _componentName, Topic, ConsumerGroup);
        _stopping.Dispose();
    }

    private void ConsumeLoop()
    {
        try
        {
            _consumer.Subscribe(Topic);
            while (!_stopping.IsCancellationRequested)
            {
                ConsumeOnce();
                ApplyBackpressure();
                CommitIfDue();
                MeasureLagIfDue();
            }
        }
        catch (Exception exception) when (exception is KafkaException or InvalidOperationException)
        {
            KafkaLog.ConsumeFailed(_logger, _componentName, Topic, ConsumerGroup, exception.Message);
            _joined.TrySetException(new DriverException(KafkaMessages.SubscribeFailed(_componentName, Topic, ConsumerGroup, exception.Message), isTransient: true, exception));
        }
        finally
        {
            Shutdown();
        }
    }

    private void ConsumeOnce()
    {
        try
        {
            var record = _consumer.Consume(PollTimeout);
            if (record is not null && _workers.TryGetValue(record.TopicPartition, out var worker))
            {
                worker.Enqueue(record);
            }
        }
        catch (ConsumeException exception)
        {
            KafkaLog.ConsumeFailed(_logger, _componentName, Topic, ConsumerGroup, KafkaErrorClassifier.Describe(exception.Error));
            // Dapr's consumeRetryInterval: the pause before consuming again after an error.
            _stopping.Token.WaitHandle.WaitOne(_options.ConsumeRetryInterval);
        }
    }

    /// <summary>Pauses fetching for a partition whose handler is far behind, and resumes it once it catches up.</summary>
    private void ApplyBackpressure()
    {
        foreach (var worker in _workers.Values)
        {
            if (!worker.Paused && worker.Queued > PauseAbove)
            {
                _consumer.Pause([worker.Partition]);
                worker.Paused = true;
            }
            else if (worker.Paused && worker.Queued < ResumeBelow)
            {
                _consumer.Resume([worker.Partition]);
                worker.Paused = false;
            }
        }
    }

    private void CommitIfDue()
    {
        var now = Environment.TickCount64;
        if (now - _lastCommit >= CommitInterval.TotalMilliseconds)
        {
            _lastCommit = now;
            Commit(_partitionContext.Committer.Committable());
        }
    }

    private void Commit(IReadOnlyList<TopicPartitionOffset> offsets)
    {
        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            _consumer.Commit(offsets);
            _partitionContext.Committer.Committed(offsets);
        }
        catch (KafkaException exception)
        {
            KafkaLog.CommitFailed(_logger, _componentName, ConsumerGroup, KafkaErrorClassifier.Describe(exception.Error));
        }
    }

    private void Shutdown()
    {
        // Handlers are cancelled at once: their records stay below the watermark and come again.
        StopWorkers([.. _workers.Keys], TimeSpan.Zero);
        Commit(_partitionContext.Committer.Committable());
        try
        {
            // Leaves the group now rather than after the session timeout; revocation finds no workers.
            _consumer.Close();
        }
        catch (KafkaException exception)
        {
            KafkaLog.ConsumeFailed(_logger, _componentName, Topic, ConsumerGroup, KafkaErrorClassifier.Describe(exception.Error));
        }
        finally
        {
            _consumer.Dispose();
            _joined.TrySetCanceled();
        }
    }
}
