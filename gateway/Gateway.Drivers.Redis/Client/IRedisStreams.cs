namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// The few stream commands the driver needs, and nothing else, so the driver's loops can be tested
/// against a fake. Every failure is a <see cref="RedisCommandFailure"/> naming the server and the command.
/// </summary>
internal interface IRedisStreams : IAsyncDisposable
{
    /// <summary>How messages name the server(s).</summary>
    string Where { get; }

    /// <summary><c>XADD stream [trim] * field value ...</c> (then <c>WAIT</c> when <c>publishReplicaAcks</c> asks for it); returns the new entry ID.</summary>
    Task<string> AddAsync(StreamAddition addition, CancellationToken cancellationToken);

    /// <summary>Every <c>XADD</c> pipelined; one task per addition, each with its own outcome.</summary>
    Task<IReadOnlyList<Task<string>>> AddManyAsync(IReadOnlyList<StreamAddition> additions, CancellationToken cancellationToken);

    /// <summary><c>XGROUP CREATE stream group 0 MKSTREAM</c>; false when the group already exists.</summary>
    Task<bool> CreateGroupAsync(string stream, string group, CancellationToken cancellationToken);

    /// <summary><c>XACK stream group id</c>.</summary>
    Task AcknowledgeAsync(string stream, string group, string id, CancellationToken cancellationToken);

    /// <summary><c>XAUTOCLAIM stream group consumer min-idle start COUNT count</c>.</summary>
    Task<AutoClaimResult> AutoClaimAsync(string stream, string group, string consumer, TimeSpan minIdle, string start, int count, CancellationToken cancellationToken);

    /// <summary>How often the group has delivered each of <paramref name="ids"/> (from <c>XPENDING</c>), for the entries still pending for <paramref name="consumer"/>.</summary>
    Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(string stream, string group, string consumer, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>The <c>lag</c> of <c>XINFO GROUPS</c> (Redis 7+); null when the stream, the group or the number is unknown.</summary>
    Task<long?> LagAsync(string stream, string group, CancellationToken cancellationToken);

    /// <summary>Null when the servers answer and take the credentials, else why not.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);

    /// <summary>A reader of <paramref name="stream"/> with a connection of its own, for blocking reads; the caller disposes it.</summary>
    IStreamReader OpenReader(string stream);
}
