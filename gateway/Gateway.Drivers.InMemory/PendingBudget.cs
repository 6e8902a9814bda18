namespace Gateway.Drivers.InMemory;

/// <summary>
/// Counts stored, unacknowledged messages against <see cref="InMemoryOptions.MaxPendingMessages"/>.
/// A publish reserves one slot per consumer group up front, all or nothing, and each acknowledgement
/// gives one back, so the bound holds however many publishers and handlers run at once.
/// </summary>
internal sealed class PendingBudget(int capacity)
{
    private int _used;

    public int Capacity { get; } = capacity;

    public int Used => Volatile.Read(ref _used);

    public bool TryReserve(int slots)
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (slots > Capacity - used)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + slots, used) == used)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _used);
}
