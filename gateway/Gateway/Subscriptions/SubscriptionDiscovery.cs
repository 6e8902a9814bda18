using Gateway.Drivers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Gateway.Delivery;
using Gateway.Resources;
using Microsoft.Extensions.Options;

namespace Gateway.Subscriptions;

/// <summary>
/// Programmatic subscriptions: asks every app for <c>GET /dapr/subscribe</c> (a gRPC app for
/// <c>ListTopicSubscriptions</c>; <c>Unimplemented</c> counts as 404) when the gateway starts,
/// every <see cref="ISubscriptionSettings.DiscoveryInterval"/>, at the app's first authenticated call to the
/// gateway and whenever it calls the metadata endpoint (as Dapr SDK servers do once they listen). An app
/// that cannot be reached yet (the usual order on a laptop: gateway first) is asked again soon, after 1 s,
/// then twice as long each time up to the interval. 404 and 501 mean none, as in Dapr, and are logged once;
/// an app that answers garbage keeps what it declared last, so a restart of the app does not stop its deliveries.
/// </summary>
internal sealed partial class SubscriptionDiscovery(
    SubscriptionCatalog catalog,
    SubscriptionManager manager,
    AppChannels channels,
    IOptions<ISubscriptionSettings> options,
    TimeProvider timeProvider,
    ILogger<SubscriptionDiscovery> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private readonly Channel<AppKey> _requests = Channel.CreateUnbounded<AppKey>();
    private readonly ConcurrentDictionary<AppKey, bool> _noticed = new();
    private readonly ConcurrentDictionary<AppKey, TimeSpan> _retryAfter = new();
    private readonly ConcurrentDictionary<AppKey, bool> _saidNone = new();
    private readonly ConcurrentDictionary<AppKey, bool> _retryPending = new();

    /// <summary>Asks for a discovery of one app soon.</summary>
    public void Trigger(AppKey app) => _requests.Writer.TryWrite(app);

    /// <summary>An app called the gateway: the first call since start asks it for its subscriptions at once.</summary>
    public void Noticed(AppKey app)
    {
        // Every request passes here: the lock-free look-up first, the add (which locks) only for a new app.
        if (!_noticed.ContainsKey(app) && _noticed.TryAdd(app, true))
        {
            Trigger(app);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var app in catalog.Apps)
        {
            Trigger(new AppKey(app.Namespace, app.AppId));
        }

        using var timer = new PeriodicTimer(options.Value.DiscoveryInterval);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = _requests.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var finished = await Task.WhenAny(tick, request);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var due = new HashSet<AppKey>();
            if (finished == tick)
            {
                due.UnionWith(catalog.Apps.Select(app => new AppKey(app.Namespace, app.AppId)));

                // DiscoveryInterval reloads live: a changed value paces the rounds from this one on.
                if (timer.Period != options.Value.DiscoveryInterval)
                {
                    timer.Period = options.Value.DiscoveryInterval;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }

            while (_requests.Reader.TryRead(out var key))
            {
                due.Add(key);
            }

            foreach (var key in due)
            {
                if (catalog.FindApp(key) is { } app)
                {
                    await DiscoverAsync(app, stoppingToken);
                }
            }
        }
    }

    internal async Task DiscoverAsync(AppSpec app, CancellationToken cancellationToken)
    {
        var key = new AppKey(app.Namespace, app.AppId);
        (int Status, byte[] Body) answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            answer = app.Protocol == AppProtocol.Grpc
                ? await ListTopicSubscriptionsAsync(channels.For(app), app.AppId, timeout.Token)
                : await channels.For(app).GetAsync("/dapr/subscribe", [new("dapr-app-id", app.AppId), new("Accept", "application/json")], timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or RpcException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, app.AppId, ex is RpcException rpc ? rpc.Status.Detail : ex.Message);
            RetrySoon(key, cancellationToken);
            return;
        }

        _retryAfter.TryRemove(key, out _);
        List<SubscriptionDefinition> definitions;
        if (answer.Status is 404 or 501)
        {
            if (_saidNone.TryAdd(key, true))
            {
                LogNone(logger, app.AppId, answer.Status);
            }

            definitions = [];
        }
        else if (answer.Status is < 200 or > 299)
        {
            LogFailed(logger, app.AppId, $"it answered {answer.Status}");
            return;
        }
        else if (!ProgrammaticSubscriptionParser.TryParse(answer.Body, app.Namespace, out definitions, out var warnings, out var error))
        {
            LogFailed(logger, app.AppId, error);
            return;
        }
        else
        {
            foreach (var warning in warnings)
            {
                LogWarning(logger, app.AppId, warning);
            }
        }

        if (catalog.SetProgrammatic(key, definitions))
        {
            LogDiscovered(logger, app.AppId, definitions.Count);
            await manager.ReconcileAsync(app, cancellationToken);
        }
    }

    /// <summary>Asks the app again after its current back-off (1 s, doubling up to the discovery interval), once at a time.</summary>
    private void RetrySoon(AppKey key, CancellationToken cancellationToken)
    {
        if (!_retryPending.TryAdd(key, true))
        {
            return;
        }

        var first = !_retryAfter.TryGetValue(key, out var delay);
        delay = first ? FirstRetry : delay;
        var next = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(options.Value.DiscoveryInterval.Ticks, FirstRetry.Ticks)));
        _retryAfter[key] = next;
        _ = Task.Delay(delay, timeProvider, cancellationToken).ContinueWith(
            _ =>
            {
                _retryPending.TryRemove(key, out bool _);
                Trigger(key);
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    [LoggerMessage(EventId = EventIds.SubscriptionDiscovery.None, Level = LogLevel.Information, Message = "App '{AppId}' answered {Status} to /dapr/subscribe: it declares no subscriptions there")]
    private static partial void LogNone(ILogger logger, string appId, int status);

    /// <summary>
    /// A gRPC app's <c>ListTopicSubscriptions</c>, read as <c>/dapr/subscribe</c> is: <c>Unimplemented</c> means none
    /// (as 404 does), any other error leaves what the app declared last.
    /// </summary>
    private static async Task<(int Status, byte[] Body)> ListTopicSubscriptionsAsync(AppChannel channel, string appId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await channel.UnaryAsync(AppCallbackMethods.ListTopicSubscriptions, new Empty(), [new("dapr-app-id", appId)], cancellationToken);
            return (200, AppCallbackSubscriptions.ToJson(response));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            return (404, []);
        }
    }

    [LoggerMessage(EventId = EventIds.SubscriptionDiscovery.Discovered, Level = LogLevel.Information, Message = "App '{AppId}' declares {Count} subscription(s) through /dapr/subscribe")]
    private static partial void LogDiscovered(ILogger logger, string appId, int count);

    [LoggerMessage(EventId = EventIds.SubscriptionDiscovery.Unreachable, Level = LogLevel.Debug, Message = "Cannot ask app '{AppId}' for its subscriptions: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string appId, string reason);

    [LoggerMessage(EventId = EventIds.SubscriptionDiscovery.Failed, Level = LogLevel.Warning, Message = "App '{AppId}' /dapr/subscribe not used, its previous subscriptions stay: {Reason}")]
    private static partial void LogFailed(ILogger logger, string appId, string reason);

    [LoggerMessage(EventId = EventIds.SubscriptionDiscovery.Warning, Level = LogLevel.Warning, Message = "App '{AppId}' /dapr/subscribe: {Warning}")]
    private static partial void LogWarning(ILogger logger, string appId, string warning);
}
