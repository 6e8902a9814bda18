using Dapr.AppCallback.Autogen.Grpc.v1;
using Gateway.Authentication;
using Gateway.Delivery;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Routing;
using Gateway.Scopes;
using Gateway.Telemetry;
using Grpc.Core;

namespace Gateway.Subscriptions.Streaming;

/// <summary>
/// Streaming subscriptions (Dapr's <c>SubscribeTopicEventsAlpha1</c>): an app that cannot listen subscribes over
/// its own outbound connection. Each stream is checked as any subscription an app declares itself (the pubsub
/// must exist for the app, the subscribe scope must allow the topic, topic names must be usable, a consumer
/// group may be named only if it is the app's own), then consumes in the app's consumer group, so several
/// streams of one app, and its other subscriptions, share the work. Events go through the one delivery pipeline
/// (decode, expiry, inbound policy, dead letters) with the stream as the channel, at most the app's
/// <c>maxConcurrency</c> (default 16) waiting for answers per stream, and at most <see cref="MaxStreamsPerApp"/>
/// streams per app. Shutdown ends every stream.
/// </summary>
internal sealed partial class StreamingSubscriptions(
    ComponentRegistry registry,
    ScopeGuard scopes,
    SubscriptionCatalog catalog,
    DeliveryHandlers handlers,
    GatewayMetrics metrics,
    TimeProvider timeProvider,
    ILogger<StreamingSubscriptions> logger) : IHostedService
{
    /// <summary>Open streams one app may hold at once.</summary>
    public const int MaxStreamsPerApp = 64;

    private readonly Dictionary<AppKey, List<OpenStream>> _open = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Checks and starts a stream of <paramref name="caller"/>; its events are written with <paramref name="write"/>.</summary>
    public async Task<(OpenStream? Stream, StreamRefusal? Refusal)> OpenAsync(
        Caller caller, StreamRequest request, Func<TopicEventRequest, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var key = new AppKey(caller.Namespace, caller.AppId);
        var definition = new SubscriptionDefinition(
            null, caller.Namespace, request.PubsubName, request.Topic, [new SubscriptionRule(null, "/")], request.DeadLetterTopic, request.Metadata, [], SubscriptionType.Streaming);
        var component = registry.Find(caller.Namespace, caller.AppId, request.PubsubName);
        if (Check(caller, definition, component) is { } refusal)
        {
            LogRefused(logger, caller.AppId, request.PubsubName, request.Topic, refusal.Message);
            return (null, refusal);
        }

        var app = catalog.FindApp(key) ?? new AppSpec(caller.AppId, caller.Namespace, caller.AppId, "", caller.SpiffeId, false, AppSpec.DefaultMaxConcurrency, new ResourceLocation("(streaming subscription)", 0));
        var sender = new StreamAppSender(write, request.Topic, component!.Name, app.MaxConcurrency);
        RouteTable.TryCreate([(null, "/")], out var routes, out _);
        ArgumentNullException.ThrowIfNull(routes);
        // A stream's failures (events the app answers RETRY to, or not in time) are summarised per stream.
        var target = new DeliveryTarget(app, caller, component, request.Topic, request.DeadLetterTopic, definition.RawPayload, routes, sender,
            new FailureRun(timeProvider, FailureRun.DefaultPeriod));
        var group = ConsumerGroups.For(definition, component, caller.AppId);
        ISubscription handle;
        try
        {
            handle = await component.Driver.SubscribeAsync(
                new SubscribeRequest(request.Topic, group, request.Metadata, app.MaxConcurrency), handlers.Create(target, null), cancellationToken);
        }
        catch (DriverException ex)
        {
            return (null, new StreamRefusal(StatusCode.Unavailable, $"the broker refused the subscription: {ex.Message}"));
        }

        var stream = new OpenStream(definition, sender, handle, _stopping.Token, CloseAsync);
        lock (_open)
        {
            (_open.TryGetValue(key, out var streams) ? streams : _open[key] = []).Add(stream);
        }

        metrics.StreamingSubscriptions.Add(1, new("app", caller.AppId), new("pubsub", component.Name), new("topic", request.Topic));
        LogOpened(logger, caller.AppId, component.Name, request.Topic, group);
        return (stream, null);

        ValueTask CloseAsync(OpenStream closed)
        {
            lock (_open)
            {
                if (_open.TryGetValue(key, out var streams) && streams.Remove(closed) && streams.Count == 0)
                {
                    _open.Remove(key);
                }
            }

            metrics.StreamingSubscriptions.Add(-1, new("app", caller.AppId), new("pubsub", component.Name), new("topic", request.Topic));
            LogClosed(logger, caller.AppId, component.Name, request.Topic);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The app's open streams as subscriptions, one per pubsub and topic, for the metadata API.</summary>
    public IReadOnlyList<SubscriptionDefinition> DefinitionsOf(string @namespace, string appId)
    {
        lock (_open)
        {
            return _open.TryGetValue(new AppKey(@namespace, appId), out var streams)
                ? [.. streams.Select(stream => stream.Definition).DistinctBy(definition => (definition.PubsubName, definition.Topic))]
                : [];
        }
    }

    private StreamRefusal? Check(Caller caller, SubscriptionDefinition definition, PubsubComponent? component)
    {
        if (definition.PubsubName.Length == 0)
        {
            return new(StatusCode.InvalidArgument, "pubsubName is required");
        }

        if (definition.Topic.Length == 0)
        {
            return new(StatusCode.InvalidArgument, "topic is required");
        }

        foreach (var name in new[] { definition.Topic, definition.DeadLetterTopic })
        {
            if (name is not null && TopicNames.Problem(name) is { } problem)
            {
                return new(StatusCode.PermissionDenied, $"topic {name} cannot be subscribed to: {problem}");
            }
        }

        if (component is null)
        {
            return new(StatusCode.InvalidArgument, $"pubsub {definition.PubsubName} is not found");
        }

        if (!scopes.Allows(component, new ScopedApp(caller.AppId, caller.SpiffeId, caller.Namespace), definition.Topic, ScopeOperation.Subscribe, out var denial))
        {
            return new(StatusCode.PermissionDenied, ScopeMessages.SubscriptionNotAllowed(definition.Topic, component.Name) + ": " + denial);
        }

        if (ConsumerGroups.Refusal(definition, component, caller.AppId) is { } groupRefusal)
        {
            return new(StatusCode.PermissionDenied, groupRefusal);
        }

        if (definition.RawPayload is null)
        {
            return new(StatusCode.InvalidArgument, "metadata 'rawPayload' must be true or false");
        }

        lock (_open)
        {
            return _open.TryGetValue(new AppKey(caller.Namespace, caller.AppId), out var streams) && streams.Count >= MaxStreamsPerApp
                ? new(StatusCode.ResourceExhausted, $"app '{caller.AppId}' already has {MaxStreamsPerApp} open streaming subscriptions, the most one app may hold")
                : null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends every stream; each stops its driver subscription as it closes.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    [LoggerMessage(EventId = EventIds.StreamingSubscriptions.Opened, Level = LogLevel.Information, Message = "Streaming topic '{Topic}' of pubsub '{Pubsub}' to app '{AppId}' over its own stream (consumer group '{Group}')")]
    private static partial void LogOpened(ILogger logger, string appId, string pubsub, string topic, string group);

    [LoggerMessage(EventId = EventIds.StreamingSubscriptions.Closed, Level = LogLevel.Information, Message = "Stream of app '{AppId}' for topic '{Topic}' of pubsub '{Pubsub}' closed; events without an answer will be delivered again")]
    private static partial void LogClosed(ILogger logger, string appId, string pubsub, string topic);

    [LoggerMessage(EventId = EventIds.StreamingSubscriptions.Refused, Level = LogLevel.Warning, Message = "Streaming subscription of app '{AppId}' to topic '{Topic}' on pubsub '{Pubsub}' refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string appId, string pubsub, string topic, string reason);
}
