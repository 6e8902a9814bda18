namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// The few Redis commands the stream driver needs, and nothing else, so the driver's loops can be
/// tested against a fake. Every failure is a <see cref="RedisException"/> naming the server and the command.
/// </summary>
internal interface IRedisStreams : IAsyncDisposable
{
    RedisEndpoint Endpoint { get; }

    /// <summary><c>XADD stream [trim] * field value ...</c>; returns the new entry ID.</summary>
    Task<string> XAddAsync(StreamAddition addition, CancellationToken cancellationToken);

    /// <summary>Sends every <c>XADD</c> in one pipelined write; one task per addition, each with its own outcome.</summary>
    Task<IReadOnlyList<Task<string>>> XAddBatchAsync(IReadOnlyList<StreamAddition> additions, CancellationToken cancellationToken);

    /// <summary><c>XGROUP CREATE stream group 0 MKSTREAM</c>; false when the group already exists.</summary>
    Task<bool> XGroupCreateAsync(string stream, string group, CancellationToken cancellationToken);

    /// <summary>
    /// <c>XREADGROUP GROUP group consumer COUNT count BLOCK ms STREAMS stream &gt;</c>: new entries only,
    /// empty when none arrived within <paramref name="block"/>. Blocks its connection; call it only on
    /// a connection from <see cref="OpenDedicated"/>.
    /// </summary>
    Task<IReadOnlyList<StreamEntry>> XReadGroupAsync(string stream, string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken);

    /// <summary><c>XACK stream group id ...</c>; returns how many were pending.</summary>
    Task<long> XAckAsync(string stream, string group, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary><c>XPENDING stream group IDLE ms - + count</c>: pending entries idle at least <paramref name="minIdle"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingEntry>> XPendingAsync(string stream, string group, TimeSpan minIdle, int count, CancellationToken cancellationToken);

    /// <summary>
    /// <c>XCLAIM stream group consumer ms id ...</c>: takes over entries still idle at least
    /// <paramref name="minIdle"/>. Entries that no longer exist, or that someone else claimed first, are missing from the result.
    /// </summary>
    Task<IReadOnlyList<StreamEntry>> XClaimAsync(string stream, string group, string consumer, TimeSpan minIdle, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary><c>XRANGE stream start end [COUNT count]</c>.</summary>
    Task<IReadOnlyList<StreamEntry>> XRangeAsync(string stream, string start, string end, int? count, CancellationToken cancellationToken);

    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>A client with its own connection, for blocking reads; the caller disposes it.</summary>
    IRedisStreams OpenDedicated();
}
