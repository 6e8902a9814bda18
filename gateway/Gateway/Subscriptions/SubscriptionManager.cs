using Gateway.Authentication;
using Gateway.Delivery;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Routing;
using Gateway.Scopes;
using Microsoft.Extensions.Options;

namespace Gateway.Subscriptions;

/// <summary>
/// Keeps every app's running subscriptions equal to what its sources declare. Declarative ones start
/// before traffic is accepted; programmatic and runtime ones start and stop as they change. On
/// shutdown intake stops, deliveries in flight are cancelled, and their messages stay unacknowledged
/// so the broker delivers them again.
/// </summary>
internal sealed partial class SubscriptionManager(
    SubscriptionCatalog catalog,
    ComponentRegistry registry,
    AppChannels channels,
    DeliveryHandlers handlers,
    ScopeGuard scopes,
    IOptions<ISubscriptionSettings> options,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SubscriptionManager>();
    private readonly Dictionary<AppKey, List<(string Pubsub, string Topic, RunningSubscription Running)>> _byApp = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _stopped;

    /// <summary>Every subscription of every app in listing order, running or not.</summary>
    public IReadOnlyList<SubscriptionStatus> Statuses
    {
        get
        {
            lock (_byApp)
            {
                return [.. catalog.Apps.SelectMany(app => _byApp.GetValueOrDefault(new AppKey(app.Namespace, app.AppId)) ?? []).Select(entry => entry.Running.Status)];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var app in catalog.Apps)
        {
            await ReconcileAsync(app, cancellationToken);
        }
    }

    /// <summary>Starts what the app's sources declare and is not running, and stops what is running and no longer declared (or changed).</summary>
    public async Task ReconcileAsync(AppSpec app, CancellationToken cancellationToken)
    {
        var key = new AppKey(app.Namespace, app.AppId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped)
            {
                return;
            }

            List<(string Pubsub, string Topic, RunningSubscription Running)> current;
            lock (_byApp)
            {
                current = _byApp.GetValueOrDefault(key) ?? [];
            }

            var next = new List<(string, string, RunningSubscription)>();
            var desired = catalog.EffectiveFor(app);
            foreach (var definition in desired)
            {
                var existing = current.FirstOrDefault(entry => entry.Pubsub == definition.PubsubName && entry.Topic == definition.Topic);
                if (existing.Running is not null && existing.Running.Fingerprint == definition.Fingerprint
                    && ReferenceEquals(existing.Running.Component, registry.Find(app.Namespace, app.AppId, definition.PubsubName)))
                {
                    next.Add(existing);
                    continue;
                }

                if (existing.Running?.Handle is { } replaced)
                {
                    await replaced.DisposeAsync();
                }

                next.Add((definition.PubsubName, definition.Topic, await StartOneAsync(app, definition, cancellationToken)));
            }

            foreach (var gone in current.Where(entry => !desired.Any(d => d.PubsubName == entry.Pubsub && d.Topic == entry.Topic)))
            {
                if (gone.Running.Handle is { } handle)
                {
                    await handle.DisposeAsync();
                    LogStopped(_logger, app.AppId, gone.Pubsub, gone.Topic);
                }
            }

            lock (_byApp)
            {
                _byApp[key] = next;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// After a reload: reconciles every app the catalog lists, and stops every subscription of apps it no
    /// longer lists. When this returns, nothing subscribes through a component the reload removed.
    /// </summary>
    public async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        var apps = catalog.Apps;
        foreach (var app in apps)
        {
            await ReconcileAsync(app, cancellationToken);
        }

        List<(AppKey Key, List<(string Pubsub, string Topic, RunningSubscription Running)> Entries)> orphaned;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            lock (_byApp)
            {
                orphaned = [.. _byApp.Where(pair => !apps.Any(app => app.Namespace == pair.Key.Namespace && app.AppId == pair.Key.AppId))
                    .Select(pair => (pair.Key, pair.Value))];
                foreach (var (key, _) in orphaned)
                {
                    _byApp.Remove(key);
                }
            }

            foreach (var (key, entries) in orphaned)
            {
                foreach (var entry in entries.Where(entry => entry.Running.Handle is not null))
                {
                    await entry.Running.Handle!.DisposeAsync();
                    LogStopped(_logger, key.AppId, entry.Pubsub, entry.Topic);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RunningSubscription> StartOneAsync(AppSpec app, SubscriptionDefinition definition, CancellationToken cancellationToken)
    {
        var fingerprint = definition.Fingerprint;
        var component = registry.Find(app.Namespace, app.AppId, definition.PubsubName);
        if (component is null)
        {
            return Fail(app, definition, $"pubsub '{definition.PubsubName}' does not exist for app '{app.AppId}' in namespace '{app.Namespace}'");
        }

        var subscriber = SubscriberOf(app);
        if (!scopes.Allows(component, new ScopedApp(app.AppId, subscriber.SpiffeId, app.Namespace), definition.Topic, ScopeOperation.Subscribe, out var denial))
        {
            var reason = ScopeMessages.SubscriptionNotAllowed(definition.Topic, component.Name) + ": " + denial;
            return new RunningSubscription(fingerprint, new SubscriptionStatus(app, definition, SubscriptionState.Denied, reason), null, component);
        }

        if (ConsumerGroups.Refusal(definition, component, app.AppId) is { } groupRefusal)
        {
            LogGroupRefused(_logger, app.AppId, definition.PubsubName, definition.Topic, groupRefusal);
            return new RunningSubscription(fingerprint, new SubscriptionStatus(app, definition, SubscriptionState.Denied, groupRefusal), null, component);
        }

        if (!RouteTable.TryCreate([.. definition.Rules.Select(rule => (rule.Match, rule.Path))], out var routes, out var routeError))
        {
            return Fail(app, definition, routeError);
        }

        var channel = channels.For(app);
        IAppSender sender = app.Protocol == AppProtocol.Grpc
            ? new GrpcAppSender(channel, definition.Topic, component.Name)
            : new HttpAppSender(channel);
        var target = new DeliveryTarget(app, subscriber, component, definition.Topic, definition.DeadLetterTopic, definition.RawPayload, routes, sender, channel.Failures);
        var concurrency = app.MaxConcurrency;
        BatchLimits? batch = null;
        if (definition.BulkSubscribe is { Enabled: true } bulk)
        {
            // Every message of a batch holds a handler slot until the batch is answered, so a batch can only fill with as many slots.
            batch = new BatchLimits(bulk.MaxMessagesCount, TimeSpan.FromMilliseconds(bulk.MaxAwaitDurationMs));
            concurrency = Math.Max(app.MaxConcurrency, bulk.MaxMessagesCount);
        }

        var deliver = handlers.Create(target, batch);
        var group = ConsumerGroups.For(definition, component, app.AppId);
        try
        {
            var handle = await component.Driver.SubscribeAsync(
                new SubscribeRequest(definition.Topic, group, definition.Metadata, concurrency), deliver, cancellationToken);
            LogStarted(_logger, app.AppId, component.Name, definition.Topic, group);
            var status = new SubscriptionStatus(app, definition, SubscriptionState.Running, $"delivering to {app.BaseUrl} as consumer group '{group}'");
            return new RunningSubscription(fingerprint, status, handle, component);
        }
        catch (DriverException ex)
        {
            return Fail(app, definition, $"the broker refused the subscription: {ex.Message}");
        }

        RunningSubscription Fail(AppSpec app, SubscriptionDefinition definition, string reason)
        {
            LogNotStarted(_logger, app.AppId, definition.PubsubName, definition.Topic, reason);
            return new RunningSubscription(fingerprint, new SubscriptionStatus(app, definition, SubscriptionState.Failed, reason), null, component);
        }
    }

    private Caller SubscriberOf(AppSpec app)
    {
        var id = channels.ExpectedIdOf(app);
        return new Caller(id.ToString(), id.TrustDomain, app.Namespace, app.AppId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<ISubscription> running;
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _stopped = true;
            lock (_byApp)
            {
                running = [.. _byApp.Values.SelectMany(entries => entries).Select(entry => entry.Running.Handle).OfType<ISubscription>()];
                _byApp.Clear();
            }
        }
        finally
        {
            _gate.Release();
        }

        var stopping = Task.WhenAll(running.Select(subscription => subscription.DisposeAsync().AsTask()));
        try
        {
            await stopping.WaitAsync(options.Value.ShutdownTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogStopAbandoned(_logger, running.Count);
        }
    }

    // The gate is not disposed: disposal may run more than once (host and container), and a
    // SemaphoreSlim without a wait handle holds nothing that needs freeing.
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    [LoggerMessage(EventId = EventIds.SubscriptionManager.Started, Level = LogLevel.Information, Message = "Delivering topic '{Topic}' of pubsub '{Pubsub}' to app '{AppId}' (consumer group '{Group}')")]
    private static partial void LogStarted(ILogger logger, string appId, string pubsub, string topic, string group);

    [LoggerMessage(EventId = EventIds.SubscriptionManager.NotStarted, Level = LogLevel.Error, Message = "Subscription of app '{AppId}' to topic '{Topic}' on pubsub '{Pubsub}' not started: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, string appId, string pubsub, string topic, string reason);

    [LoggerMessage(EventId = EventIds.SubscriptionManager.StopAbandoned, Level = LogLevel.Warning, Message = "Shutdown did not wait for all {Count} subscriptions to stop; their unacknowledged messages will be delivered again")]
    private static partial void LogStopAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.SubscriptionManager.GroupRefused, Level = LogLevel.Warning, Message = "Subscription of app '{AppId}' to topic '{Topic}' on pubsub '{Pubsub}' refused: {Reason}")]
    private static partial void LogGroupRefused(ILogger logger, string appId, string pubsub, string topic, string reason);

    [LoggerMessage(EventId = EventIds.SubscriptionManager.Stopped, Level = LogLevel.Information, Message = "Stopped delivering topic '{Topic}' of pubsub '{Pubsub}' to app '{AppId}': no longer declared")]
    private static partial void LogStopped(ILogger logger, string appId, string pubsub, string topic);
}
