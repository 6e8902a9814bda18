using Gateway.Drivers;
using Gateway.Scopes;
using Gateway.Telemetry;

namespace Gateway.Pubsub;

/// <summary>
/// The topic scope check of a component for one app and operation, the one place where a denial is
/// counted and logged, whichever path asks (publish, bulk publish, dead letter, subscribe).
/// </summary>
internal sealed partial class ScopeGuard(GatewayMetrics metrics, ILogger<ScopeGuard> logger)
{
    /// <summary>
    /// True when <paramref name="app"/> may do <paramref name="operation"/> on <paramref name="topic"/>; a denial is
    /// counted and logged, and its reason given in <paramref name="denial"/> (empty when allowed: an allowed
    /// check, made on every publish, builds no sentence).
    /// </summary>
    public bool Allows(PubsubComponent component, ScopedApp app, string topic, ScopeOperation operation, out string denial)
    {
        denial = "";
        if (component.Scopes.IsAllowed(app.AppId, topic, operation))
        {
            return true;
        }

        var decision = component.Scopes.Check(app.AppId, topic, operation);
        denial = decision.Reason;

        var name = operation == ScopeOperation.Publish ? "publish" : "subscribe";
        metrics.ScopeDenials.Add(1, new("operation", name), new("pubsub", component.Name));
        LogDenied(logger, app.AppId, app.SpiffeId, app.Namespace, component.Name, topic, name, decision.Reason);
        return false;
    }

    [LoggerMessage(EventId = EventIds.ScopeGuard.Denied, Level = LogLevel.Warning,
        Message = "Denied {Operation} of topic '{Topic}' on pubsub '{Pubsub}' for app '{AppId}' ({SpiffeId}, namespace '{Namespace}'): {Reason}")]
    // "Namespace" (not @namespace) so that the structured property is named Namespace.
    private static partial void LogDenied(ILogger logger, string appId, string spiffeId, string Namespace, string pubsub, string topic, string operation, string reason);
}
