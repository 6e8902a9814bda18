using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Redis;

/// <summary>
/// One member of a consumer group. A long-running loop reads new entries with
/// <c>XREADGROUP ... BLOCK</c> (<see cref="IStreamReader"/>: a read shared with other subscriptions of its consumer, or in a
/// cluster a connection of its own), only as many as it has free handler
/// slots; each entry runs its handler on the thread pool and is <c>XACK</c>ed only when the handler
/// says <see cref="MessageOutcome.Acknowledge"/>. Every redeliver interval the same loop claims, through
/// <see cref="PendingReclaimer"/>, entries left pending longer than the processing timeout and hands them out again.
/// Stopping cancels handlers and waits for them; their entries stay pending for the group.
/// </summary>
internal sealed class RedisSubscription : ISubscription
{
    /// <summary>
    /// The longest a read waits for new entries. Shared reads (<see cref="SharedStreamReads"/>) wait that long with no
    /// work in this process, so an idle subscription wakes once per redeliver interval, not every few seconds; a
    /// cluster's reader of its own ends a read after <see cref="BlockingStreamReader.LongestBlock"/>.
    /// </summary>
    private static readonly TimeSpan ReadBlock = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaximumReadBackoff = TimeSpan.FromSeconds(5);

    private readonly StreamConsumer _consumer;
    private readonly MessageHandler _handler;
    private readonly HandlerSlots _slots;
    private readonly IStreamReader _reader;
    private readonly PendingReclaimer _reclaimer;
    private readonly Action<RedisSubscription> _onStopped;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _readLoop = Task.CompletedTask;
    private Task? _stop;

    public RedisSubscription(StreamConsumer consumer, MessageHandler handler, int maxConcurrency, Action<RedisSubscription> onStopped)
    {
        _consumer = consumer;
        _handler = handler;
        _slots = new HandlerSlots(Math.Min(maxConcurrency, consumer.Options.Concurrency));
        _reader = consumer.Streams.OpenReader(consumer.Topic);
        _reclaimer = new PendingReclaimer(consumer, Dispatch);
        _onStopped = onStopped;
    }

    public string Topic => _consumer.Topic;

    public string ConsumerGroup => _consumer.Group;

    public void Start()
    {
        _readLoop = Task.Run(ConsumeAsync);
        RedisLog.SubscriptionStarted(_consumer.Logger, _consumer.ComponentName, Topic, _consumer.Consumer, ConsumerGroup, _slots.Capacity);
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            // Started on the thread pool so that no stopping work runs while this lock is held.
            _stop ??= Task.Run(StopAsync);
            return new ValueTask(_stop);
        }
    }

    /// <summary>
    /// The member's one loop: take free slots, then either claim stale pending entries (when the
    /// redeliver interval is due) or read new ones, blocking no longer than until the next claim is due.
    /// </summary>
    private async Task ConsumeAsync()
    {
        var stopping = _stopping.Token;
        var backoff = TimeSpan.FromMilliseconds(100);
        var options = _consumer.Options;
        var nextReclaim = _consumer.TimeProvider.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await _slots.TakeAtLeastOneAsync(options.QueueDepth, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var now = _consumer.TimeProvider.GetUtcNow();
                if (options.RedeliveryEnabled && now >= nextReclaim)
                {
                    var handedOut = await _reclaimer.ReclaimAsync(taken, stopping);
                    taken -= handedOut;
                    // A pass that used every slot, or stopped before the end of the pending list, may have left more behind.
                    nextReclaim = taken == 0 || !_reclaimer.ScanComplete ? now : NextReclaimTick(now, options.RedeliverInterval);
                    if (taken == 0)
                    {
                        continue;
                    }
                }

                var block = options.RedeliveryEnabled ? Min(ReadBlock, nextReclaim - now) : ReadBlock;
                var entries = await _reader.ReadGroupAsync(ConsumerGroup, _consumer.Consumer, taken, block, stopping);
                backoff = TimeSpan.FromMilliseconds(100);
                taken -= entries.Count;
                foreach (var entry in entries)
                {
                    Dispatch(entry, deliveryCount: 1);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopping mid-call: anything the server handed out meanwhile stays pending for the group.
            }
            catch (RedisCommandFailure missing) when (missing.Code == "NOGROUP")
            {
                await RecreateGroupAsync(stopping);
            }
            catch (Exception failure)
            {
                if (failure is RedisCommandFailure known)
                {
                    RedisLog.ReadFailed(_consumer.Logger, _consumer.ComponentName, Topic, ConsumerGroup, backoff, known.Message);
                }
                else
                {
                    // This loop is the subscription: ended, it would leave the subscription deaf without a word. Anything
                    // else is a bug to report, and the next round may well succeed.
                    RedisLog.ReadLoopFailed(_consumer.Logger, failure, _consumer.ComponentName, Topic, ConsumerGroup, backoff);
                }

                await DelayAsync(backoff, stopping);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaximumReadBackoff.Ticks));
            }
            finally
            {
                _slots.Release(taken);
            }
        }
    }

    /// <summary>
    /// The next whole multiple of <paramref name="interval"/> (counted from the Unix epoch) after <paramref name="now"/>:
    /// every subscription of the process reclaims on the same ticks, so their timers fire together and their
    /// <c>XAUTOCLAIM</c>s travel together, instead of each waking the process at its own moment (1,000 subscriptions
    /// with a 15 s interval: 67 separate wake-ups a second). The first tick may come sooner than one interval after
    /// the pass at subscribe time; from then on the passes are one interval apart.
    /// </summary>
    internal static DateTimeOffset NextReclaimTick(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = interval.Ticks;
        return new DateTimeOffset((now.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
    }

    /// <summary>At least one millisecond, because <c>BLOCK 0</c> would wait forever.</summary>
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(a.Ticks, b.Ticks)));

    /// <summary>Runs the handler for an entry whose slot is already taken; gives the slot back when done.</summary>
    private void Dispatch(StreamEntry entry, int deliveryCount)
    {
        if (!_consumer.InFlight.TryAdd(Topic, ConsumerGroup, entry.Id))
        {
            // Another member of this driver is handling it already; it stays pending either way.
            _slots.Release();
            return;
        }

        _ = Task.Run(() => HandleAsync(entry, deliveryCount), CancellationToken.None);
    }

    private async Task HandleAsync(StreamEntry entry, int deliveryCount)
    {
        try
        {
            var message = StreamEntryLayout.ToMessage(Topic, entry, deliveryCount);
            if (await InvokeHandlerAsync(message) == MessageOutcome.Acknowledge)
            {
                await AcknowledgeAsync(entry.Id);
            }
        }
        finally
        {
            _consumer.InFlight.Remove(Topic, ConsumerGroup, entry.Id);
            _slots.Release();
        }
    }

    /// <summary>Runs the handler; a failure or cancellation counts as "not acknowledged" (null).</summary>
    private async Task<MessageOutcome?> InvokeHandlerAsync(BrokerMessage message)
    {
        try
        {
            return await _handler(message, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            RedisLog.HandlerFailed(_consumer.Logger, exception, _consumer.ComponentName, message.Id, Topic, ConsumerGroup, message.DeliveryCount);
            return null;
        }
    }

    private async Task AcknowledgeAsync(string id)
    {
        try
        {
            // Not tied to stopping: an outcome that was reached should still be recorded.
            await _consumer.Streams.AcknowledgeAsync(Topic, ConsumerGroup, id, CancellationToken.None);
        }
        catch (RedisCommandFailure failure)
        {
            RedisLog.AckFailed(_consumer.Logger, _consumer.ComponentName, id, Topic, ConsumerGroup, failure.Message);
        }
    }

    private async Task RecreateGroupAsync(CancellationToken stopping)
    {
        try
        {
            await _consumer.Streams.CreateGroupAsync(Topic, ConsumerGroup, stopping);
            RedisLog.GroupRecreated(_consumer.Logger, _consumer.ComponentName, Topic, ConsumerGroup);
        }
        catch (Exception failure) when (failure is RedisCommandFailure or OperationCanceledException)
        {
            await DelayAsync(TimeSpan.FromMilliseconds(500), stopping);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _consumer.TimeProvider, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping; the loop condition ends the loop.
        }
    }

    private async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _readLoop;
        await _slots.WaitForAllAsync();
        await _reader.DisposeAsync();
        _onStopped(this);
        RedisLog.SubscriptionStopped(_consumer.Logger, _consumer.ComponentName, Topic, ConsumerGroup);
        _stopping.Dispose();
        _slots.Dispose();
    }
}
