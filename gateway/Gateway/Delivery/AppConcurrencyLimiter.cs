namespace Gateway.Delivery;

/// <summary>
/// Bounds the deliveries in flight to one app over all of its subscriptions (<c>App</c>
/// <c>spec.maxConcurrency</c>, default 16), the gateway's counterpart of Dapr's <c>--app-max-concurrency</c>.
/// Each app has its own limiter, so a slow app fills only its own slots and never delays another app.
/// </summary>
internal sealed class AppConcurrencyLimiter
{
    // Never disposed: a SemaphoreSlim whose wait handle is never asked for holds nothing that needs freeing,
    // and a delivery finishing after its channel was disposed must still be able to release its slot.
    private readonly SemaphoreSlim _slots;

    public AppConcurrencyLimiter(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        MaxConcurrency = maxConcurrency;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>Deliveries the app may have in flight at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Deliveries holding a slot right now.</summary>
    public int InFlight => MaxConcurrency - _slots.CurrentCount;

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public async ValueTask<Slot> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    /// <summary>One delivery's claim on the app; gives the slot back exactly once.</summary>
    internal sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
