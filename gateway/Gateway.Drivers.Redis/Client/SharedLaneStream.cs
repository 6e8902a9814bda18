namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// One stream of a <see cref="SharedReadLane"/>: its members (subscriptions reading it, usually one), their
/// requests waiting for entries, oldest first, and entries read for it that no request could take yet.
/// Guarded by the lane's lock.
/// </summary>
/// <remarks>
/// Entries are left over when a request's block time passed while the shared read, which still named the stream,
/// was under way, when a read named the stream for a request expected but not made yet (<see cref="ReadCount"/>),
/// or when the server handed out more than the request asked for (a request asked for less than the read's
/// <c>COUNT</c> after its predecessor expired, or after a claim pass took some of its slots). They are pending for
/// the consumer already, so they are never dropped while the stream has a member: the next request takes them
/// without reading. At most one read's <c>COUNT</c> is left over, because a stream whose leftovers wait is named in
/// no read.
/// </remarks>
internal sealed class SharedLaneStream(string name)
{
    private readonly List<SharedReadRequest> _waiting = [];
    private readonly Queue<StreamEntry> _leftOver = new();
    private int _expected;

    public string Name { get; } = name;

    public int Members { get; set; }

    /// <summary>
    /// How many entries the next read should ask for this stream, or null when it should not name it: the oldest
    /// waiting request's count; else, once, the slots the subscription still had free when its last request was
    /// answered with fewer entries than it asked for. It asks again at once with at least that many, and a read
    /// already naming the stream then needs no wake-up. Never while entries are left over.
    /// </summary>
    public int? ReadCount => _waiting.Count > 0 ? _waiting[0].Count : _leftOver.Count == 0 && _expected > 0 ? _expected : null;

    public void Add(SharedReadRequest request)
    {
        _expected = 0;
        _waiting.Add(request);
        Settle();
    }

    /// <summary>A read names the stream now: what was expected is covered by it.</summary>
    public void Named() => _expected = 0;

    /// <summary>Takes a request out of the queue; false when it was completed already.</summary>
    public bool Remove(SharedReadRequest request) => _waiting.Remove(request);

    /// <summary>Entries the server handed out for this stream, for the waiting requests in order.</summary>
    public void Deliver(IReadOnlyList<StreamEntry> entries)
    {
        foreach (var entry in entries)
        {
            _leftOver.Enqueue(entry);
        }

        Settle();
    }

    /// <summary>Fails every waiting request.</summary>
    public void FailAll(Exception failure)
    {
        foreach (var request in _waiting)
        {
            request.Fail(failure);
        }

        _waiting.Clear();
    }

    private void Settle()
    {
        while (_waiting.Count > 0 && _leftOver.Count > 0)
        {
            var request = _waiting[0];
            _waiting.RemoveAt(0);
            var entries = new List<StreamEntry>(Math.Min(request.Count, _leftOver.Count));
            while (entries.Count < request.Count && _leftOver.TryDequeue(out var entry))
            {
                entries.Add(entry);
            }

            _expected = entries.Count < request.Count ? request.Count - entries.Count : 0;
            request.Complete(entries);
        }
    }
}
