namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// One subscription's call of <see cref="IStreamReader.ReadGroupAsync"/> waiting in a <see cref="SharedReadLane"/>:
/// up to <see cref="Count"/> new entries of its stream. It completes once, under the lane's lock, with entries, with
/// an empty list (its block time passed), cancelled (its subscription stops) or failed (the shared read failed);
/// continuations run on the thread pool, never under that lock.
/// </summary>
internal sealed class SharedReadRequest(SharedLaneStream stream, int count)
{
    private readonly TaskCompletionSource<IReadOnlyList<StreamEntry>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SharedLaneStream Stream { get; } = stream;

    public int Count { get; } = count;

    public Task<IReadOnlyList<StreamEntry>> Completion => _done.Task;

    public void Complete(IReadOnlyList<StreamEntry> entries) => _done.SetResult(entries);

    public void Fail(Exception failure) => _done.SetException(failure);

    public void Cancel(CancellationToken cancellationToken) => _done.SetCanceled(cancellationToken);
}
