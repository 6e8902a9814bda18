namespace Gateway.Subscriptions;

/// <summary>Puts the stored runtime subscriptions into the catalog before the subscriptions start.</summary>
internal sealed partial class RuntimeSubscriptionLoader(FileSubscriptionStore store, SubscriptionCatalog catalog, ILogger<RuntimeSubscriptionLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = store.Load();
        foreach (var (app, definitions) in stored)
        {
            catalog.SetRuntime(app, definitions);
        }

        LogLoaded(logger, stored.Values.Sum(list => list.Count), store.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Loaded {Count} runtime subscription(s) from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);
}
