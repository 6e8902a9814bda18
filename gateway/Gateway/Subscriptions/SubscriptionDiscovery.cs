using Gateway.Drivers;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Gateway.Delivery;
using Gateway.Resources;
using Microsoft.Extensions.Options;

namespace Gateway.Subscriptions;

/// <summary>
/// Programmatic subscriptions: asks every app for <c>GET /dapr/subscribe</c> (a gRPC app for
/// <c>ListTopicSubscriptions</c>) when the gateway starts,
/// every <see cref="ISubscriptionSettings.DiscoveryInterval"/>, and soon after the app itself calls the gateway's
/// metadata endpoint (as Dapr SDK servers do once they listen). 404 means none; an app that cannot be
/// reached or answers garbage keeps what it declared last, so a restart of the app does not stop its
/// deliveries.
/// </summary>
internal sealed partial class SubscriptionDiscovery(
    SubscriptionCatalog catalog,
    SubscriptionManager manager,
    AppChannels channels,
    IOptions<ISubscriptionSettings> options,
    ILogger<SubscriptionDiscovery> logger) : BackgroundService
{
    private readonly Channel<AppKey> _requests = Channel.CreateUnbounded<AppKey>();

    /// <summary>Asks for a discovery of one app soon.</summary>
    public void Trigger(AppKey app) => _requests.Writer.TryWrite(app);

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
            return;
        }

        List<SubscriptionDefinition> definitions;
        if (answer.Status == 404)
        {
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
