using Microsoft.Extensions.Options;

namespace Gateway.Subscriptions;

/// <summary>
/// Keeps the catalog's runtime subscriptions equal to the stores on every replica: loads them before
/// the subscriptions start (a broker that cannot be read is logged, naming the component, and read
/// again later; start-up goes on), then reads the stores every
/// <see cref="ISubscriptionSettings.RuntimeSubscriptionSyncInterval"/> and reconciles the apps whose set changed.
/// </summary>
internal sealed class RuntimeSubscriptionSync(
    RuntimeSubscriptionStore store,
    SubscriptionCatalog catalog,
    SubscriptionManager manager,
    IOptions<ISubscriptionSettings> options,
    ILogger<RuntimeSubscriptionSync> logger) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        store.LoadFile();
        await store.RefreshAsync(cancellationToken);

        // The subscription manager starts next and starts whatever the catalog holds.
        await ApplyAsync(reconcile: false, cancellationToken);
        RuntimeSubscriptionLog.Loaded(logger, catalog.AllRuntime().Values.Sum(list => list.Count), store.FilePath);
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Puts the stores' current view into the catalog and reconciles every app whose runtime subscriptions changed.</summary>
    public Task ApplyAsync(CancellationToken cancellationToken) => ApplyAsync(reconcile: true, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown did not wait; the loop ends on its own.
        }
    }

    // The token source is not disposed: disposal may run more than once (host and container), and a
    // source without a timer or wait handle holds nothing that needs freeing.
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RuntimeSubscriptionSyncInterval > TimeSpan.Zero ? options.Value.RuntimeSubscriptionSyncInterval : TimeSpan.FromSeconds(5);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.RefreshAsync(stoppingToken);
                    await ApplyAsync(reconcile: true, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    RuntimeSubscriptionLog.SyncFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ApplyAsync(bool reconcile, CancellationToken cancellationToken)
    {
        await _apply.WaitAsync(cancellationToken);
        try
        {
            var current = store.Current();
            foreach (var app in catalog.AllRuntime().Keys.Union(current.Keys).ToList())
            {
                var definitions = current.GetValueOrDefault(app) ?? [];
                if (!catalog.SetRuntime(app, definitions) || !reconcile)
                {
                    continue;
                }

                RuntimeSubscriptionLog.AppChanged(logger, app.AppId, app.Namespace, definitions.Count);
                if (catalog.FindApp(app) is { } spec)
                {
                    await manager.ReconcileAsync(spec, cancellationToken);
                }
            }
        }
        finally
        {
            _apply.Release();
        }
    }
}
