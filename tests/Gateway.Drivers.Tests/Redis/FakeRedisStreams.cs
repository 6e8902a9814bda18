using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// Just enough of a server for <see cref="Gateway.Drivers.Redis.PendingReclaimer"/>: a pending list (oldest
/// first), the entries that still exist, and a record of what <c>XAUTOCLAIM</c> was asked; and, for a whole
/// subscription, a <see cref="Reader"/> and a record of acknowledgements.
/// </summary>
internal sealed class FakeRedisStreams : IRedisStreams
{
    public List<(string Id, TimeSpan Idle, int Deliveries)> Pending { get; } = [];

    public Dictionary<string, StreamEntry> Existing { get; } = [];

    public List<(string Start, int Count)> Claims { get; } = [];

    /// <summary>When set, a pass stops after this many pending lines and returns where it stopped.</summary>
    public int? ScanLimit { get; set; }

    public bool DeliveryCountsFail { get; set; }

    /// <summary>Thrown by the next <c>XAUTOCLAIM</c> (once), as the client or a bug would throw it.</summary>
    public Exception? NextAutoClaimThrows { get; set; }

    /// <summary>What <see cref="OpenReader"/> hands out.</summary>
    public IStreamReader? Reader { get; set; }

    public System.Collections.Concurrent.ConcurrentQueue<string> Acknowledged { get; } = new();

    public string Where => "fake:6379";

    public Task<AutoClaimResult> AutoClaimAsync(string stream, string group, string consumer, TimeSpan minIdle, string start, int count, CancellationToken cancellationToken)
    {
        if (NextAutoClaimThrows is { } failure)
        {
            NextAutoClaimThrows = null;
            throw failure;
        }

        Claims.Add((start, count));
        var from = start == AutoClaimResult.Beginning ? 0 : Pending.FindIndex(p => p.Id == start);
        var (claimed, deleted) = (new List<StreamEntry>(), new List<string>());
        var index = from;
        for (; index < Pending.Count && claimed.Count < count && (ScanLimit is not { } limit || index - from < limit); index++)
        {
            var (id, idle, deliveries) = Pending[index];
            if (idle < minIdle)
            {
                continue;
            }

            if (Existing.TryGetValue(id, out var entry))
            {
                claimed.Add(entry);
                Pending[index] = (id, TimeSpan.Zero, deliveries + 1);
            }
            else
            {
                deleted.Add(id);
            }
        }

        Pending.RemoveAll(p => deleted.Contains(p.Id));
        var next = index < Pending.Count ? Pending[Math.Min(index, Pending.Count - 1)].Id : AutoClaimResult.Beginning;
        return Task.FromResult(new AutoClaimResult(claimed, deleted, next));
    }

    public Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(string stream, string group, string consumer, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        DeliveryCountsFail
            ? throw new RedisCommandFailure(Where, "XPENDING", "not connected (SocketFailure)", RedisFailureKind.Connection)
            : Task.FromResult<IReadOnlyDictionary<string, int>>(Pending.Where(p => ids.Contains(p.Id)).ToDictionary(p => p.Id, p => p.Deliveries));

    public Task<string> AddAsync(StreamAddition addition, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task<IReadOnlyList<Task<string>>> AddManyAsync(IReadOnlyList<StreamAddition> additions, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task<bool> CreateGroupAsync(string stream, string group, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task AcknowledgeAsync(string stream, string group, string id, CancellationToken cancellationToken)
    {
        Acknowledged.Enqueue(id);
        return Task.CompletedTask;
    }

    public Task<long?> LagAsync(string stream, string group, CancellationToken cancellationToken) => throw new InvalidOperationException("not used by the reclaimer");

    public Task<string?> CheckAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public IStreamReader OpenReader(string stream) => Reader ?? throw new InvalidOperationException("no Reader set");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
