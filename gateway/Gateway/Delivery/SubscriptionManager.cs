using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Drivers;
using Gateway.Hosting;
using Gateway.Identity;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Routing;
using Gateway.Scopes;
using Gateway.Subscriptions;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Delivery;

/// <summary>
/// Starts every declared subscription of every app before traffic is accepted, and stops them on
/// shutdown: intake stops, deliveries in flight are cancelled, and their messages stay unacknowledged
/// so the broker delivers them again.
/// </summary>
internal sealed partial class SubscriptionManager(
    ResourceSet resources,
    ComponentRegistry registry,
    CredentialStore credentials,
    TopicPublisher publisher,
    IdShapes idShapes,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SubscriptionManager>();
    private readonly List<ISubscription> _running = [];
    private readonly Dictionary<(string Namespace, string AppId), AppChannel> _channels = [];
    private readonly List<SubscriptionStatus> _statuses = [];

    /// <summary>Every subscription of every app in declaration order, started or not.</summary>
    public IReadOnlyList<SubscriptionStatus> Statuses
    {
        get
        {
            lock (_statuses)
            {
                return [.. _statuses];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (app, definition) in Resolve())
        {
            var status = await StartOneAsync(app, definition, cancellationToken);
            lock (_statuses)
            {
                _statuses.Add(status);
            }
        }
    }

    /// <summary>Pairs each declared subscription with each app it applies to; the first per (app, pubsub, topic) wins.</summary>
    private IEnumerable<(AppSpec App, SubscriptionDefinition Definition)> Resolve()
    {
        var seen = new HashSet<(string, string, string, string)>();
        foreach (var spec in resources.Subscriptions)
        {
            var definition = SubscriptionDefinition.FromSpec(spec);
            foreach (var app in resources.Apps)
            {
                if (string.Equals(app.Namespace, spec.Namespace, StringComparison.Ordinal)
                    && ResourceScopes.AppliesTo(spec.Scopes, app.AppId)
                    && seen.Add((app.Namespace, app.AppId, spec.PubsubName, spec.Topic)))
                {
                    yield return (app, definition);
                }
            }
        }
    }

    private async Task<SubscriptionStatus> StartOneAsync(AppSpec app, SubscriptionDefinition definition, CancellationToken cancellationToken)
    {
        var component = registry.Find(app.Namespace, app.AppId, definition.PubsubName);
        if (component is null)
        {
            return Fail(app, definition, $"pubsub '{definition.PubsubName}' does not exist for app '{app.AppId}' in namespace '{app.Namespace}'");
        }

        var decision = component.Scopes.Check(app.AppId, definition.Topic, ScopeOperation.Subscribe);
        if (!decision.Allowed)
        {
            metrics.ScopeDenials.Add(1, new("operation", "subscribe"), new("pubsub", component.Name));
            var subscriber = SubscriberOf(app);
            TopicPublisher.LogDenied(_logger, app.AppId, subscriber.SpiffeId, app.Namespace, component.Name, definition.Topic, "subscribe", decision.Reason);
            return new SubscriptionStatus(app, definition, SubscriptionState.Denied, ScopeMessages.SubscriptionNotAllowed(definition.Topic, component.Name) + ": " + decision.Reason);
        }

        if (!RouteTable.TryCreate([.. definition.Rules.Select(rule => (rule.Match, rule.Path))], out var routes, out var routeError))
        {
            return Fail(app, definition, routeError);
        }

        var target = new DeliveryTarget(app, SubscriberOf(app), definition, component, routes, ChannelFor(app));
        var handler = new DeliveryHandler(target, publisher, SingleAttemptPolicy.Instance, options.Value.DeliveryTimeout,
            metrics, timeProvider, loggerFactory.CreateLogger<DeliveryHandler>());
        var group = ConsumerGroups.For(definition, component, app.AppId);
        try
        {
            var subscription = await component.Driver.SubscribeAsync(
                new SubscribeRequest(definition.Topic, group, definition.Metadata, app.MaxConcurrency), handler.HandleAsync, cancellationToken);
            lock (_running)
            {
                _running.Add(subscription);
            }
        }
        catch (DriverException ex)
        {
            return Fail(app, definition, $"the broker refused the subscription: {ex.Message}");
        }

        LogStarted(_logger, app.AppId, component.Name, definition.Topic, group);
        return new SubscriptionStatus(app, definition, SubscriptionState.Running, $"delivering to {app.BaseUrl} as consumer group '{group}'");
    }

    private SubscriptionStatus Fail(AppSpec app, SubscriptionDefinition definition, string reason)
    {
        LogNotStarted(_logger, app.AppId, definition.PubsubName, definition.Topic, reason);
        return new SubscriptionStatus(app, definition, SubscriptionState.Failed, reason);
    }

    private Caller SubscriberOf(AppSpec app)
    {
        var id = ExpectedIdOf(app);
        return new Caller(id.ToString(), id.TrustDomain, app.Namespace, app.AppId);
    }

    private SpiffeId ExpectedIdOf(AppSpec app) =>
        app.SpiffeId is { } configured && SpiffeId.TryParse(configured, out var parsed, out _)
            ? parsed
            : idShapes.ExpectedId(credentials.Current.Id.TrustDomain, app.Namespace, app.AppId);

    private AppChannel ChannelFor(AppSpec app)
    {
        if (!_channels.TryGetValue((app.Namespace, app.AppId), out var channel))
        {
            channel = new AppChannel(app, ExpectedIdOf(app), () => credentials.Current, timeProvider);
            _channels[(app.Namespace, app.AppId)] = channel;
        }

        return channel;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<ISubscription> running;
        lock (_running)
        {
            running = [.. _running];
            _running.Clear();
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Shutdown did not wait for all {Count} subscriptions to stop; their unacknowledged messages will be delivered again")]
    private static partial void LogStopAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Delivering topic '{Topic}' of pubsub '{Pubsub}' to app '{AppId}' (consumer group '{Group}')")]
    private static partial void LogStarted(ILogger logger, string appId, string pubsub, string topic, string group);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Subscription of app '{AppId}' to topic '{Topic}' on pubsub '{Pubsub}' not started: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, string appId, string pubsub, string topic, string reason);
}
