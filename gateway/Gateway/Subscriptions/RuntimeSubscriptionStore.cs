using Gateway.Drivers;
using Gateway.Pubsub;

using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>
/// Where runtime subscriptions live: each in the record store of its own pubsub component when the
/// component's driver offers one (Redis, Kafka: every replica shares it), otherwise in the local file
/// (<see cref="FileSubscriptionStore"/>). Which store a subscription belongs to follows the component
/// currently loaded under its namespace and name, so a live reload that replaces the component moves
/// reads and writes to the new driver.
/// </summary>
/// <remarks>
/// The store keeps the last records read from every broker store. A broker that cannot be read keeps
/// what was read before, so an outage never stops subscriptions. A read that overlapped a write of
/// this gateway to the same store is not used; the next one is.
/// </remarks>
internal sealed class RuntimeSubscriptionStore(FileSubscriptionStore file, ComponentRegistry registry, ILogger<RuntimeSubscriptionStore> logger) : IAsyncDisposable
{
    /// <summary>The record store name in every broker (Redis hash <c>gateway:records:subscriptions</c>, Kafka topic <c>gateway.records.subscriptions</c>).</summary>
    public const string StoreName = "subscriptions";

    /// <summary>How long one read of a broker store may take before it counts as failed.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly Dictionary<PubsubComponent, BrokerSubscriptionSource> _sources = [];
    private readonly Dictionary<(string Namespace, string Pubsub), Dictionary<string, RuntimeSubscriptionRecord>> _known = [];

    public string FilePath => file.Path;

    /// <summary>Reads the local file; a broken file throws, naming it.</summary>
    public void LoadFile() => file.Load();

    /// <summary>Stores the record where its pubsub keeps runtime subscriptions; returns once that store acknowledged it.</summary>
    /// <exception cref="RuntimeSubscriptionStoreException">The store did not take it; nothing changed.</exception>
    public async Task SaveAsync(RuntimeSubscriptionRecord record, CancellationToken cancellationToken)
    {
        if (SourceFor(record.App.Namespace, record.Definition.PubsubName) is not { } source)
        {
            await file.PutAsync(record, cancellationToken);
            return;
        }

        await source.PutAsync(record, cancellationToken);
        lock (_lock)
        {
            Known(source.Component)[record.Key] = record;
            source.Writes++;
        }
    }

    /// <summary>Deletes the app's runtime subscription to the pubsub and topic; returns once the store acknowledged it.</summary>
    /// <exception cref="RuntimeSubscriptionStoreException">The store did not take it; nothing changed.</exception>
    public async Task DeleteAsync(AppKey app, string pubsub, string topic, CancellationToken cancellationToken)
    {
        if (SourceFor(app.Namespace, pubsub) is not { } source)
        {
            await file.DeleteAsync(app, pubsub, topic, cancellationToken);
            return;
        }

        var key = RuntimeSubscriptionRecord.KeyOf(app, pubsub, topic);
        await source.DeleteAsync(key, cancellationToken);
        lock (_lock)
        {
            Known(source.Component).Remove(key);
            source.Writes++;
        }
    }

    /// <summary>Every app's runtime subscriptions as last read or written, each list ordered by pubsub and topic.</summary>
    public Dictionary<AppKey, List<SubscriptionDefinition>> Current()
    {
        var brokerBacked = registry.All.Where(c => c.Driver is IRecordStoreProvider).Select(c => (c.Namespace, c.Name)).ToHashSet();
        List<RuntimeSubscriptionRecord> records;
        lock (_lock)
        {
            records = [.. brokerBacked.SelectMany(component => _known.GetValueOrDefault(component)?.Values ?? Enumerable.Empty<RuntimeSubscriptionRecord>())];
        }

        // File records of a pubsub that now has a broker store wait there until they are moved (RefreshAsync).
        records.AddRange(file.Records.Where(r => !brokerBacked.Contains((r.App.Namespace, r.Definition.PubsubName))));
        return records
            .GroupBy(record => record.App)
            .ToDictionary(
                group => group.Key,
                group => group.Select(record => record.Definition)
                    .OrderBy(d => d.PubsubName, StringComparer.Ordinal)
                    .ThenBy(d => d.Topic, StringComparer.Ordinal)
                    .ToList());
    }

    /// <summary>
    /// Reads every broker store of the current components (in parallel), and moves file records of a
    /// pubsub that has a broker store into it. Failures are logged once per outage, naming the component.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var sources = CurrentSources();
        await Task.WhenAll(sources.Select(source => RefreshOneAsync(source, cancellationToken)));
    }

    public async ValueTask DisposeAsync()
    {
        List<BrokerSubscriptionSource> sources;
        lock (_lock)
        {
            sources = [.. _sources.Values];
            _sources.Clear();
        }

        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }

    private BrokerSubscriptionSource? SourceFor(string @namespace, string pubsub)
    {
        var component = registry.All.FirstOrDefault(c => c.Namespace == @namespace && c.Name == pubsub);
        return component is null ? null : SourceFor(component);
    }

    private BrokerSubscriptionSource? SourceFor(PubsubComponent component)
    {
        if (component.Driver is not IRecordStoreProvider provider)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_sources.TryGetValue(component, out var source))
            {
                try
                {
                    source = new BrokerSubscriptionSource(component, provider.OpenRecordStore(StoreName));
                }
                catch (DriverException ex)
                {
                    throw new RuntimeSubscriptionStoreException($"the runtime subscription store of pubsub '{component.Name}' cannot be opened: {ex.Message}", ex.IsTransient, ex);
                }

                _sources[component] = source;
            }

            return source;
        }
    }

    /// <summary>A source for every current component with a broker store; sources of components a reload replaced are closed.</summary>
    private List<BrokerSubscriptionSource> CurrentSources()
    {
        var components = registry.All;
        var current = new List<BrokerSubscriptionSource>();
        foreach (var component in components)
        {
            try
            {
                if (SourceFor(component) is { } source)
                {
                    current.Add(source);
                }
            }
            catch (RuntimeSubscriptionStoreException ex)
            {
                RuntimeSubscriptionLog.StoreUnreadable(logger, component.Name, component.Namespace, "its driver", ex.Message);
            }
        }

        List<BrokerSubscriptionSource> replaced;
        lock (_lock)
        {
            replaced = [.. _sources.Where(pair => !components.Contains(pair.Key)).Select(pair => pair.Value)];
            foreach (var source in replaced)
            {
                _sources.Remove(source.Component);
            }
        }

        // The replaced drivers close their stores themselves when the reload disposes them.
        return current;
    }

    private async Task RefreshOneAsync(BrokerSubscriptionSource source, CancellationToken cancellationToken)
    {
        var component = source.Component;
        long writes;
        lock (_lock)
        {
            writes = source.Writes;
        }

        Dictionary<string, RuntimeSubscriptionRecord> read;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReadTimeout);
            read = await source.ReadAsync((key, reason) => RuntimeSubscriptionLog.RecordUnreadable(logger, key, source.Location, reason), timeout.Token);
            await MoveFileRecordsAsync(source, read, timeout.Token);
        }
        catch (Exception ex) when (ex is RuntimeSubscriptionStoreException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = ex is OperationCanceledException ? $"no answer within {ReadTimeout.TotalSeconds:0} s" : ex.Message;
            if (!source.Failing)
            {
                source.Failing = true;
                RuntimeSubscriptionLog.StoreUnreadable(logger, component.Name, component.Namespace, source.Location, reason);
            }
            else
            {
                RuntimeSubscriptionLog.StoreStillUnreadable(logger, component.Name, component.Namespace, source.Location, reason);
            }

            return;
        }

        lock (_lock)
        {
            if (source.Writes == writes && _sources.GetValueOrDefault(component) == source)
            {
                _known[(component.Namespace, component.Name)] = read;
            }
        }

        if (source.Failing)
        {
            source.Failing = false;
            RuntimeSubscriptionLog.StoreRecovered(logger, component.Name, component.Namespace, source.Location);
        }
    }

    /// <summary>
    /// Runtime subscriptions stored in the file before their pubsub had a broker store (an upgrade, or a
    /// reload that changed the component's type) move into the broker store, unless it already holds one
    /// for the same app, pubsub and topic, which wins.
    /// </summary>
    private async Task MoveFileRecordsAsync(BrokerSubscriptionSource source, Dictionary<string, RuntimeSubscriptionRecord> read, CancellationToken cancellationToken)
    {
        var component = source.Component;
        foreach (var record in file.Records.Where(r => r.App.Namespace == component.Namespace && r.Definition.PubsubName == component.Name))
        {
            if (!read.ContainsKey(record.Key))
            {
                await source.PutAsync(record, cancellationToken);
                read[record.Key] = record;
                RuntimeSubscriptionLog.Moved(logger, record.App.AppId, component.Name, record.Definition.Topic, file.Path, source.Location);
            }

            await file.DeleteAsync(record.App, record.Definition.PubsubName, record.Definition.Topic, cancellationToken);
        }
    }

    private Dictionary<string, RuntimeSubscriptionRecord> Known(PubsubComponent component)
    {
        var key = (component.Namespace, component.Name);
        if (!_known.TryGetValue(key, out var records))
        {
            records = new Dictionary<string, RuntimeSubscriptionRecord>(StringComparer.Ordinal);
            _known[key] = records;
        }

        return records;
    }
}
