namespace Gateway.Scopes;

/// <summary>Dapr's exact wording for scope denials, built in one place.</summary>
public static class ScopeMessages
{
    /// <summary>
    /// The message of a 403 <c>ERR_PUBSUB_FORBIDDEN</c> publish error:
    /// <c>topic &lt;topic&gt; is not allowed for app id &lt;appID&gt;</c> (no quotes, as Dapr writes it).
    /// </summary>
    public static string Forbidden(string topic, string appId) =>
        $"topic {topic} is not allowed for app id {appId}";

    /// <summary>
    /// The error Dapr logs when a subscription is refused by scoping:
    /// <c>subscription to topic '&lt;topic&gt;' on pubsub '&lt;pubsub&gt;' is not allowed</c>.
    /// </summary>
    public static string SubscriptionNotAllowed(string topic, string pubsubName) =>
        $"subscription to topic '{topic}' on pubsub '{pubsubName}' is not allowed";
}
