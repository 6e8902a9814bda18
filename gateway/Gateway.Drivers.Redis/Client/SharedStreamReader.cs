namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// A subscription's <see cref="IStreamReader"/> over <see cref="SharedStreamReads"/>: its reads wait in the lane it
/// joined at its first read. Used by one loop at a time (the subscription's), so it needs no lock.
/// </summary>
internal sealed class SharedStreamReader(SharedStreamReads reads, string stream) : IStreamReader
{
    private SharedReadLane? _lane;

    public async Task<IReadOnlyList<StreamEntry>> ReadGroupAsync(string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken)
    {
        if (_lane is { } joined && (joined.Group != group || joined.Consumer != consumer))
        {
            _lane = null;
            await reads.LeaveAsync(joined, stream);
        }

        _lane ??= reads.Join(group, consumer, stream);
        return await _lane.ReadAsync(stream, count, block, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        var lane = _lane;
        _lane = null;
        return lane is null ? ValueTask.CompletedTask : reads.LeaveAsync(lane, stream);
    }
}
