namespace Gateway.LoadGen.Load;

/// <summary>One worker's way to hand a message to a target: a keep-alive connection, a new connection per message, or a driver.</summary>
internal interface IMessageSender : IAsyncDisposable
{
    /// <summary>Sends one message stamped with <paramref name="stamp"/> and waits for the target's answer.</summary>
    /// <returns>Null when the target accepted it, else a short error kind (<c>http 500</c>, <c>io</c>, …) for the error counts.</returns>
    ValueTask<string?> SendAsync(long stamp, CancellationToken cancellationToken);
}
