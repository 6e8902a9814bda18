using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// One member of a consumer group: a loop that takes a message whenever one of its
/// <see cref="SubscribeRequest.MaxConcurrency"/> handler slots is free and runs the handler on the
/// thread pool. Stopping cancels handlers in flight, waits for them, and gives their messages back
/// to the group at once so another member (or a later one) receives them.
/// </summary>
internal sealed class InMemorySubscription : ISubscription
{
    private readonly ConsumerGroup _group;
    private readonly MessageHandler _handler;
    private readonly int _maxConcurrency;
    private readonly SemaphoreSlim _freeSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _componentName;
    private readonly ILogger _logger;
    private readonly Action<InMemorySubscription> _onStopped;
    private readonly Lock _gate = new();
    private Task _loop = Task.CompletedTask;
    private Task? _stop;

    public InMemorySubscription(ConsumerGroup group, MessageHandler handler, int maxConcurrency, string componentName, ILogger logger, Action<InMemorySubscription> onStopped)
    {
        _group = group;
        _handler = handler;
        _maxConcurrency = maxConcurrency;
        _freeSlots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        _componentName = componentName;
        _logger = logger;
        _onStopped = onStopped;
    }

    public string Topic => _group.Topic;

    public string ConsumerGroup => _group.Name;

    public void Start()
    {
        _loop = Task.Run(TakeMessagesAsync);
        InMemoryLog.SubscriptionStarted(_logger, _componentName, Topic, ConsumerGroup, _maxConcurrency);
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

    private async Task TakeMessagesAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            while (true)
            {
                await _freeSlots.WaitAsync(stopping);
                PendingDelivery delivery;
                try
                {
                    delivery = await _group.TakeAsync(stopping);
                }
                catch
                {
                    _freeSlots.Release();
                    throw;
                }

                _ = Task.Run(() => HandleAsync(delivery), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the slots still taken belong to handlers that StopAsync waits for.
        }
    }

    private async Task HandleAsync(PendingDelivery delivery)
    {
        try
        {
            if (_stopping.IsCancellationRequested)
            {
                // Taken just as the member stopped; no handler saw it, so its count is unchanged.
                _group.Offer(delivery);
                return;
            }

            if (await InvokeHandlerAsync(delivery) == MessageOutcome.Acknowledge)
            {
                _group.Acknowledge();
            }
            else if (_stopping.IsCancellationRequested)
            {
                // The member is leaving, not refusing the message: hand it straight back.
                _group.Offer(delivery.Again());
            }
            else
            {
                InMemoryLog.MessageOfferedAgain(_logger, _componentName, delivery.Message.Id, Topic, ConsumerGroup, _group.RedeliveryDelay);
                _group.OfferAfterDelay(delivery.Again());
            }
        }
        finally
        {
            _freeSlots.Release();
        }
    }

    /// <summary>Runs the handler; a failure or cancellation counts as "not acknowledged" (null).</summary>
    private async ValueTask<MessageOutcome?> InvokeHandlerAsync(PendingDelivery delivery)
    {
        try
        {
            return await _handler(delivery.ToBrokerMessage(), _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            InMemoryLog.HandlerFailed(_logger, exception, _componentName, delivery.Message.Id, Topic, ConsumerGroup, delivery.DeliveryCount);
            return null;
        }
    }

    private async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _loop;

        // Every handler gives its slot back when it finishes, so holding all slots means none is in flight.
        for (var slot = 0; slot < _maxConcurrency; slot++)
        {
            await _freeSlots.WaitAsync();
        }

        _onStopped(this);
        InMemoryLog.SubscriptionStopped(_logger, _componentName, Topic, ConsumerGroup);
        _stopping.Dispose();
        _freeSlots.Dispose();
    }
}
