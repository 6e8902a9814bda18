using Gateway.Drivers;

namespace Gateway.Delivery;

/// <summary>
/// Turns one-by-one handler calls into batches: a batch is sent when it holds
/// <c>maxMessagesCount</c> messages or <c>maxAwait</c> after its first message arrived, whichever comes first.
/// Each caller waits for its own message's outcome. A caller whose token is cancelled gets
/// <see cref="OperationCanceledException"/> (its message stays unacknowledged); a batch in flight is
/// cancelled when any member's token is, and its other members are then redelivered.
/// </summary>
internal sealed class BulkBatcher(
    int maxMessagesCount,
    TimeSpan maxAwait,
    TimeProvider timeProvider,
    Func<IReadOnlyList<BrokerMessage>, CancellationToken, Task<IReadOnlyList<MessageOutcome>>> deliver)
{
    private readonly Lock _lock = new();
    private List<BulkPendingMessage> _filling = [];
    private ITimer? _timer;
    private long _generation;

    public Task<MessageOutcome> AddAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new BulkPendingMessage(message, cancellationToken);

        // Registered before the message joins a batch, so that the batch's end always finds it to dispose.
        pending.Registration = cancellationToken.Register(() => Withdraw(pending));
        List<BulkPendingMessage>? full = null;
        lock (_lock)
        {
            if (pending.IsDone)
            {
                return pending.Outcome;
            }

            _filling.Add(pending);
            if (_filling.Count >= maxMessagesCount || maxAwait <= TimeSpan.Zero)
            {
                full = TakeFilling();
            }
            else if (_filling.Count == 1)
            {
                _timer = timeProvider.CreateTimer(OnTimer, _generation, maxAwait, Timeout.InfiniteTimeSpan);
            }
        }

        if (full is not null)
        {
            Send(full);
        }

        return pending.Outcome;
    }

    /// <summary>Takes the batch being filled; the caller holds the lock.</summary>
    private List<BulkPendingMessage> TakeFilling()
    {
        var batch = _filling;
        _filling = [];
        _generation++;
        _timer?.Dispose();
        _timer = null;
        return batch;
    }

    private void OnTimer(object? generation)
    {
        List<BulkPendingMessage>? batch = null;
        lock (_lock)
        {
            if ((long)generation! == _generation && _filling.Count > 0)
            {
                batch = TakeFilling();
            }
        }

        if (batch is not null)
        {
            Send(batch);
        }
    }

    /// <summary>A cancelled caller leaves the batch still filling at once; one already sent is cancelled as a whole.</summary>
    private void Withdraw(BulkPendingMessage pending)
    {
        lock (_lock)
        {
            _filling.Remove(pending);
        }

        pending.Cancel();
    }

    private void Send(List<BulkPendingMessage> batch) => _ = Task.Run(() => RunAsync(batch), CancellationToken.None);

    private async Task RunAsync(List<BulkPendingMessage> batch)
    {
        var members = batch.Where(pending => !pending.IsDone).ToList();
        if (members.Count == 0)
        {
            return;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource([.. members.Select(pending => pending.CancellationToken).Distinct()]);
        try
        {
            var outcomes = await deliver([.. members.Select(pending => pending.Message)], cancellation.Token);
            for (var index = 0; index < members.Count; index++)
            {
                members[index].Complete(outcomes[index]);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            foreach (var pending in members)
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                }
                else
                {
                    pending.Complete(MessageOutcome.Redeliver);
                }
            }
        }
        catch (Exception exception)
        {
            members.ForEach(pending => pending.Fail(exception));
        }
        finally
        {
            members.ForEach(pending => pending.Registration.Dispose());
        }
    }
}
