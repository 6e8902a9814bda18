using System.Diagnostics;
using Gateway.Authentication;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resiliency;
using Gateway.Scopes;
using Gateway.Telemetry;

namespace Gateway.Publishing;

/// <summary>
/// The last step of every publish (single, bulk entry, dead letter): the topic scope check for the
/// app on whose behalf it is done, then the driver inside the outbound resiliency policy. Returns
/// null when the broker has the message.
/// </summary>
internal sealed partial class TopicPublisher(ResiliencyPolicies resiliency, GatewayMetrics metrics, ILogger<TopicPublisher> logger)
{
    public DaprError? CheckScope(PubsubComponent component, Caller caller, string topic)
    {
        var decision = component.Scopes.Check(caller.AppId, topic, ScopeOperation.Publish);
        if (decision.Allowed)
        {
            return null;
        }

        metrics.ScopeDenials.Add(1, new("operation", "publish"), new("pubsub", component.Name));
        LogDenied(logger, caller.AppId, caller.SpiffeId, caller.Namespace, component.Name, topic, "publish", decision.Reason);
        return DaprErrors.Forbidden(component.Name, topic, caller.AppId);
    }

    public async ValueTask<DaprError?> PublishAsync(PubsubComponent component, Caller caller, PublishRequest request, CancellationToken cancellationToken)
    {
        if (CheckScope(component, caller, request.Topic) is { } forbidden)
        {
            return forbidden;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await resiliency.OutboundFor(component.Namespace, component.Name, caller.AppId)
                .ExecuteAsync(token => component.Driver.PublishAsync(request, token), cancellationToken);
            metrics.RecordPublish(component.Name, "stored", Stopwatch.GetElapsedTime(started));
            return null;
        }
        catch (DriverException ex)
        {
            metrics.RecordPublish(component.Name, ResultOf(ex), Stopwatch.GetElapsedTime(started));
            LogPublishFailed(logger, ex, component.Name, request.Topic, ex.Message);
            return DaprErrors.PublishFailed(component.Name, request.Topic, ex.Message);
        }
    }

    /// <summary>The <c>result</c> of a publish the broker refused, on the publish instruments.</summary>
    internal static string ResultOf(DriverException error) => error.IsTransient ? "transient_error" : "error";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Denied {Operation} of topic '{Topic}' on pubsub '{Pubsub}' for app '{AppId}' ({SpiffeId}, namespace '{Namespace}'): {Reason}")]
    // "Namespace" (not @namespace) so that the structured property is named Namespace.
    internal static partial void LogDenied(ILogger logger, string appId, string spiffeId, string Namespace, string pubsub, string topic, string operation, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Publish to topic '{Topic}' on pubsub '{Pubsub}' failed: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string pubsub, string topic, string error);
}
