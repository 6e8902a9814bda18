using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// The embedded broker behind a <c>pubsub.in-memory</c> component: the at-least-once semantics of
/// the real drivers inside one process, kept in memory and lost when the process ends.
/// </summary>
/// <remarks>
/// A publish is stored once for every consumer group that exists on its topic at that moment. A
/// topic that has no consumer group yet discards the message and the publish still succeeds, as
/// Dapr's in-memory pub/sub does: nobody could ever receive it. A consumer group is created by its
/// first subscription and then stays, keeping its unacknowledged messages while it has no members.
/// </remarks>
internal sealed partial class InMemoryDriver : IPubSubDriver, IBulkPublisher, IDriverHealth
{
    private readonly string _componentName;
    private readonly InMemoryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly PendingBudget _budget;
    private readonly ConcurrentDictionary<string, TopicState> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<InMemorySubscription> _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _stop;

    public InMemoryDriver(DriverContext context, InMemoryOptions options)
    {
        _componentName = context.ComponentName;
        _options = options;
        _timeProvider = context.TimeProvider;
        _logger = context.LoggerFactory.CreateLogger<InMemoryDriver>();
        _budget = new PendingBudget(options.MaxPendingMessages);
    }

    /// <summary>Stored, unacknowledged messages over all topics and groups (for tests and diagnostics).</summary>
    internal int PendingMessages => _budget.Used;

    /// <summary>Stores the message for every consumer group of its topic; completes once it is stored.</summary>
    public ValueTask PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var error = TryStore(request);
        return error is null ? ValueTask.CompletedTask : ValueTask.FromException(error);
    }

    /// <summary>Stores the entries one by one; an entry that does not fit is reported, the rest are stored.</summary>
    public ValueTask<IReadOnlyList<BulkPublishFailure>> PublishBulkAsync(IReadOnlyList<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IReadOnlyList<BulkPublishFailure>>(cancellationToken);
        }

        var failures = new List<BulkPublishFailure>();
        foreach (var entry in entries)
        {
            if (TryStore(entry.Request) is { } error)
            {
                failures.Add(new BulkPublishFailure(entry.EntryId, error));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<BulkPublishFailure>>(failures);
    }

    public ValueTask<ISubscription> SubscribeAsync(SubscribeRequest request, MessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        ArgumentException.ThrowIfNullOrEmpty(request.ConsumerGroup);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxConcurrency, 1);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            if (_stop is not null)
            {
                throw new DriverException(InMemoryMessages.Stopped(_componentName), isTransient: true);
            }

            var group = Topic(request.Topic).GetOrAddGroup(request.ConsumerGroup);
            var subscription = new InMemorySubscription(group, handler, request.MaxConcurrency, _componentName, _logger, Forget);
            _subscriptions.Add(subscription);
            subscription.Start();
            return ValueTask.FromResult<ISubscription>(subscription);
        }
    }

    /// <summary>The in-memory broker is part of the process, so it is reachable whenever it is asked.</summary>
    public ValueTask<string?> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    /// <summary>Stops every subscription as if each were disposed, then stops pending redeliveries.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            // Started on the thread pool so that no stopping work runs while this lock is held.
            _stop ??= Task.Run(StopAsync);
            return new ValueTask(_stop);
        }
    }

    private DriverException? TryStore(PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        if (Volatile.Read(ref _stop) is not null)
        {
            return new DriverException(InMemoryMessages.Stopped(_componentName), isTransient: true);
        }

        // Copies, so the caller may reuse its buffers and dictionaries once the publish completes.
        var data = request.Data.ToArray();
        var metadata = new Dictionary<string, string>(request.Metadata ?? new Dictionary<string, string>());
        switch (Topic(request.Topic).TryStore(data, request.ContentType, metadata))
        {
            case StoreOutcome.Full:
                InMemoryLog.PublishRejectedFull(_logger, _componentName, request.Topic, _budget.Capacity);
                return new DriverException(InMemoryMessages.Full(_componentName, request.Topic, _budget.Capacity), isTransient: true);
            case StoreOutcome.Discarded:
                InMemoryLog.PublishDiscarded(_logger, _componentName, request.Topic);
                return null;
            default:
                return null;
        }
    }

    private TopicState Topic(string name) => _topics.GetOrAdd(name, CreateTopic);

    private TopicState CreateTopic(string name) => new(name, _budget, CreateGroup);

    private ConsumerGroup CreateGroup(string topic, string name) =>
        new(topic, name, _budget, _options.RedeliveryDelay, _timeProvider, _stopping.Token);

    private void Forget(InMemorySubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private async Task StopAsync()
    {
        InMemorySubscription[] running;
        lock (_gate)
        {
            running = [.. _subscriptions];
        }

        await Task.WhenAll(running.Select(s => s.DisposeAsync().AsTask()));
        await _stopping.CancelAsync();
        InMemoryLog.DriverStopped(_logger, _componentName, _budget.Used);
    }
}
