namespace Gateway.Drivers.Redis;

/// <summary>
/// Counts free handler slots. Entries are read or claimed only for slots already taken, so nothing
/// waits in a local buffer while it ages in the pending list.
/// </summary>
internal sealed class HandlerSlots(int capacity) : IDisposable
{
    private readonly SemaphoreSlim _free = new(capacity, capacity);

    public int Capacity { get; } = capacity;

    /// <summary>Waits for one slot, then takes as many more as are free, up to <paramref name="most"/>.</summary>
    public async Task<int> TakeAtLeastOneAsync(int most, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        return 1 + TakeFree(most - 1);
    }

    /// <summary>Takes the free slots without waiting, up to <paramref name="most"/>; may be zero.</summary>
    public int TakeFree(int most)
    {
        var taken = 0;
        while (taken < most && _free.Wait(0))
        {
            taken++;
        }

        return taken;
    }

    public void Release(int count = 1)
    {
        if (count > 0)
        {
            _free.Release(count);
        }
    }

    /// <summary>Completes once every slot is free again, that is, when no handler is running.</summary>
    public async Task WaitForAllAsync()
    {
        for (var slot = 0; slot < Capacity; slot++)
        {
            await _free.WaitAsync();
        }
    }

    public void Dispose() => _free.Dispose();
}
