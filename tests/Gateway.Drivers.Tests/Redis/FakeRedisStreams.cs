using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// Just enough of a server for <see cref="Gateway.Drivers.Redis.PendingReclaimer"/>: a pending list, the
/// entries that still exist, and a record of what was claimed and acknowledged.
/// </summary>
internal sealed class FakeRedisStreams : IRedisStreams
{
    public List<PendingEntry> Pending { get; } = [];

    public Dictionary<string, StreamEntry> Existing { get; } = [];

    /// <summary>IDs another member claims first: XCLAIM does not return them although they exist.</summary>
    public HashSet<string> ClaimedElsewhere { get; } = [];

    public List<IReadOnlyList<string>> Claims { get; } = [];

    public List<string> Acknowledged { get; } = [];

    public RedisEndpoint Endpoint { get; } = new("fake", 6379);

    public Task<IReadOnlyList<PendingEntry>> XPendingAsync(string stream, string group, TimeSpan minIdle, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PendingEntry>>([.. Pending.Where(p => p.Idle >= minIdle).Take(count)]);

    public Task<IReadOnlyList<StreamEntry>> XClaimAsync(string stream, string group, string consumer, TimeSpan minIdle, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        Claims.Add(ids);
        return Task.FromResult<IReadOnlyList<StreamEntry>>([.. ids.Where(id => !ClaimedElsewhere.Contains(id) && Existing.ContainsKey(id)).Select(id => Existing[id])]);
    }

    public Task<IReadOnlyList<StreamEntry>> XRangeAsync(string stream, string start, string end, int? count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamEntry>>(Existing.TryGetValue(start, out var entry) ? [entry] : []);

    public Task<long> XAckAsync(string stream, string group, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        Acknowledged.AddRange(ids);
        return Task.FromResult((long)ids.Count);
    }

    public Task<string> XAddAsync(StreamAddition addition, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task<IReadOnlyList<Task<string>>> XAddBatchAsync(IReadOnlyList<StreamAddition> additions, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task<bool> XGroupCreateAsync(string stream, string group, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task<IReadOnlyList<StreamEntry>> XReadGroupAsync(string stream, string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not used by the reclaimer");

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IRedisStreams OpenDedicated() => this;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
