namespace Gateway.LoadGen.Load;

/// <summary>What a run sends to: the gateway's publish API, the no-op endpoint, or a broker written directly.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>Messages each send carries (bulk entries); 1 for single publishes.</summary>
    int MessagesPerSend { get; }

    /// <summary>A sender for one worker; each worker gets its own (its own connection where the target has connections).</summary>
    ValueTask<IMessageSender> CreateSenderAsync(CancellationToken cancellationToken);
}
