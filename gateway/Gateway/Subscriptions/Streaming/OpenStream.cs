using Dapr.AppCallback.Autogen.Grpc.v1;
using Gateway.Delivery;
using Gateway.Drivers;

namespace Gateway.Subscriptions.Streaming;

/// <summary>
/// One open streaming subscription: the driver's subscription in the app's consumer group and the sender that
/// writes its events to the app's stream. Disposing stops the driver's subscription first, so every event still
/// waiting for an answer is left unacknowledged and delivered again, then forgets the stream.
/// </summary>
internal sealed class OpenStream(SubscriptionDefinition definition, StreamAppSender sender, ISubscription handle, CancellationToken closing, Func<OpenStream, ValueTask> onClosed) : IAsyncDisposable
{
    private int _disposed;

    public SubscriptionDefinition Definition { get; } = definition;

    /// <summary>Cancelled when the gateway shuts down: the stream ends then.</summary>
    public CancellationToken Closing { get; } = closing;

    /// <summary>The app's answer to one event; false for an ID that no event waits with.</summary>
    public bool Answer(string id, TopicEventResponse.Types.TopicEventResponseStatus status) => sender.Answer(id, status);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await handle.DisposeAsync();
            await onClosed(this);
        }
    }
}
