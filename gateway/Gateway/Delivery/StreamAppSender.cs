using System.Collections.Concurrent;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Gateway.Resiliency;

namespace Gateway.Delivery;

/// <summary>
/// Deliveries over an app's own open stream (Dapr's streaming subscriptions): each event is written to the
/// stream as a <c>TopicEventRequest</c> and its delivery waits for the app's <c>event_processed</c> answer with
/// the same ID. At most <see cref="MaxInFlight"/> events wait for an answer at once; an answer that does not come
/// within the attempt's timeout retries. When the stream closes the driver's subscription is stopped first,
/// which cancels every wait, so events without an answer stay unacknowledged and are delivered again.
/// Writes to the stream are serialised here: one message at a time.
/// </summary>
internal sealed class StreamAppSender(Func<TopicEventRequest, CancellationToken, Task> write, string topic, string pubsubName, int maxInFlight) : IAppSender
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TopicEventResponse.Types.TopicEventResponseStatus>> _waiting = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Events sent and not yet answered, at most.</summary>
    public int MaxInFlight { get; } = maxInFlight;

    /// <summary>Events waiting for the app's answer now.</summary>
    public int InFlight => _waiting.Count;

    public async Task<AppReply> SendAsync(string path, ReadOnlyMemory<byte> cloudEvent, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = TopicEventRequests.From(cloudEvent, path, topic, pubsubName);
        if (request is null || request.Id.Length == 0)
        {
            return new AppReply(AppReplyStatus.Drop, 0, "the event has no ID the app could answer to");
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            var answer = await ClaimAsync(request.Id, cancellationToken);
            try
            {
                if (!await TryWriteAsync(request, cancellationToken))
                {
                    // The stream is closing: its subscription is stopped next, which cancels this wait.
                    await Task.Delay(timeout, cancellationToken);
                    return new AppReply(AppReplyStatus.Retry, 0, "the stream closed before the event was sent");
                }

                using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                exchange.CancelAfter(timeout);
                var status = await answer.Task.WaitAsync(exchange.Token);
                return status switch
                {
                    TopicEventResponse.Types.TopicEventResponseStatus.Success => new AppReply(AppReplyStatus.Success, 0, "delivered"),
                    TopicEventResponse.Types.TopicEventResponseStatus.Drop => new AppReply(AppReplyStatus.Drop, 0, "the app answered DROP"),
                    _ => new AppReply(AppReplyStatus.Retry, 0, "the app answered RETRY"),
                };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new AppReply(AppReplyStatus.Retry, 0, $"the app did not answer within {timeout.TotalSeconds:0.###} s");
            }
            finally
            {
                _waiting.TryRemove(new KeyValuePair<string, TaskCompletionSource<TopicEventResponse.Types.TopicEventResponseStatus>>(request.Id, answer));
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The app's answer to the event <paramref name="id"/>; false when no event of that ID waits for one.</summary>
    public bool Answer(string id, TopicEventResponse.Types.TopicEventResponseStatus status) =>
        _waiting.TryGetValue(id, out var answer) && answer.TrySetResult(status);

    /// <summary>Streams carry one event at a time; batches are never configured for them.</summary>
    public Task<BulkReply> SendBatchAsync(
        string path, string topic, string pubsubName, IReadOnlyList<BulkEntry> entries, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(BulkReply.NoAnswer("a streaming subscription takes one event at a time"));

    /// <summary>
    /// The answer slot of <paramref name="id"/>. Two events with one ID (a publisher reusing IDs) cannot wait at
    /// once, or an answer could settle the wrong one: the second waits until the first is answered.
    /// </summary>
    private async Task<TaskCompletionSource<TopicEventResponse.Types.TopicEventResponseStatus>> ClaimAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = new TaskCompletionSource<TopicEventResponse.Types.TopicEventResponseStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
            var existing = _waiting.GetOrAdd(id, answer);
            if (ReferenceEquals(existing, answer))
            {
                return answer;
            }

            // The other event's sender removes its slot once it has its outcome (answer or timeout).
            while (_waiting.TryGetValue(id, out var current) && ReferenceEquals(current, existing))
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    /// <summary>Writes one event; false when the stream can no longer be written to.</summary>
    private async Task<bool> TryWriteAsync(TopicEventRequest request, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await write(request, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            _writing.Release();
        }
    }
}
