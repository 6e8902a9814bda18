using System.Diagnostics;

namespace Gateway.Telemetry;

/// <summary>
/// Spans of the <c>Gateway</c> activity source: one per publish request (single or bulk) and one per delivery
/// attempt (one POST of a single message or of a batch).
/// Off unless OTLP export is configured for this host: then every method returns null at once, so the
/// publish and delivery paths allocate nothing for tracing.
/// </summary>
internal sealed class GatewayTracing(bool enabled)
{
    public const string SourceName = "Gateway";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>True when this host records spans.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>
    /// Starts the span of a publish request (kind Producer), continuing the caller's <c>traceparent</c>
    /// and <c>tracestate</c> when the traceparent is valid W3C, else starting a new trace.
    /// </summary>
    public Activity? StartPublish(string pubsub, string topic, string appId, string traceParent, string traceState)
    {
        if (!Enabled || !Source.HasListeners())
        {
            return null;
        }

        var parent = ParentOf(traceParent, traceState);
        var activity = Source.StartActivity("publish " + topic, ActivityKind.Producer, parent);
        activity?.SetTag(TraceAttributes.MessagingOperationName, "publish");
        activity?.SetTag(TraceAttributes.MessagingDestinationName, topic);
        activity?.SetTag(TraceAttributes.Pubsub, pubsub);
        activity?.SetTag(TraceAttributes.AppId, appId);
        return activity;
    }

    /// <summary>
    /// Starts the span of one delivery attempt to an app (kind Consumer), whose parent is the trace context
    /// the CloudEvent carries; a new trace when it carries none that is valid.
    /// </summary>
    public Activity? StartDelivery(string componentType, string pubsub, string topic, string appId, string path, int attempt, string traceParent, string traceState)
    {
        if (!Enabled || !Source.HasListeners())
        {
            return null;
        }

        var parent = ParentOf(traceParent, traceState);
        var activity = Source.StartActivity("deliver " + topic, ActivityKind.Consumer, parent);
        if (activity is not null)
        {
            activity.SetTag(TraceAttributes.MessagingSystem, MessagingSystem(componentType));
            activity.SetTag(TraceAttributes.MessagingOperationName, "deliver");
            activity.SetTag(TraceAttributes.MessagingDestinationName, topic);
            activity.SetTag(TraceAttributes.Pubsub, pubsub);
            activity.SetTag(TraceAttributes.AppId, appId);
            activity.SetTag(TraceAttributes.DeliveryPath, path);
            activity.SetTag(TraceAttributes.DeliveryAttempt, attempt);
        }

        return activity;
    }

    /// <summary>
    /// Starts the span of one bulk delivery attempt to an app (kind Consumer): one POST carrying many messages,
    /// so, as OpenTelemetry's messaging conventions do for a batch, it has no parent but a link to each entry's
    /// trace context (<paramref name="entryContexts"/>: one per entry that carries a valid one).
    /// </summary>
    public Activity? StartBulkDelivery(string componentType, string pubsub, string topic, string appId, string path, int attempt, int entryCount, IEnumerable<ActivityContext> entryContexts)
    {
        if (!Enabled || !Source.HasListeners())
        {
            return null;
        }

        // The span starts its own trace rather than joining whatever activity is current.
        Activity.Current = null;
        var links = entryContexts.Select(context => new ActivityLink(context)).ToList();
        var activity = Source.StartActivity("deliver " + topic, ActivityKind.Consumer, parentContext: default, tags: null, links: links);
        if (activity is not null)
        {
            activity.SetTag(TraceAttributes.MessagingSystem, MessagingSystem(componentType));
            activity.SetTag(TraceAttributes.MessagingOperationName, "deliver");
            activity.SetTag(TraceAttributes.MessagingDestinationName, topic);
            activity.SetTag(TraceAttributes.MessagingBatchMessageCount, entryCount);
            activity.SetTag(TraceAttributes.Pubsub, pubsub);
            activity.SetTag(TraceAttributes.AppId, appId);
            activity.SetTag(TraceAttributes.DeliveryPath, path);
            activity.SetTag(TraceAttributes.DeliveryAttempt, attempt);
        }

        return activity;
    }

    /// <summary>The remote span context a <c>traceparent</c>/<c>tracestate</c> pair names, when the traceparent is valid W3C.</summary>
    public static bool TryParseContext(string traceParent, string traceState, out ActivityContext context) =>
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out context);

    /// <summary>Names the broker on a publish span once the component is known.</summary>
    public static void SetComponent(Activity? activity, string componentType) =>
        activity?.SetTag(TraceAttributes.MessagingSystem, MessagingSystem(componentType));

    /// <summary>Ends a span with its outcome; an error status with <paramref name="error"/> when the outcome is a failure.</summary>
    public static void Finish(Activity? activity, string outcome, string? error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TraceAttributes.Outcome, outcome);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error);
        }

        activity.Dispose();
    }

    /// <summary>The W3C <c>traceparent</c> of a span, as the CloudEvent and the delivery headers carry it.</summary>
    public static string TraceParentOf(Activity activity) =>
        activity.IdFormat == ActivityIdFormat.W3C && activity.Id is { } id ? id : "";

    /// <summary>
    /// The remote parent a trace context names, or none. Without one the span starts a new trace rather than
    /// joining whatever activity is current (ASP.NET Core's own request activity, unrecorded, is one).
    /// </summary>
    private static ActivityContext ParentOf(string traceParent, string traceState)
    {
        if (ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent))
        {
            return parent;
        }

        Activity.Current = null;
        return default;
    }

    /// <summary><c>pubsub.kafka</c> → <c>kafka</c>: the broker, as OpenTelemetry's messaging.system names it.</summary>
    private static string MessagingSystem(string componentType) =>
        componentType.StartsWith("pubsub.", StringComparison.Ordinal) ? componentType["pubsub.".Length..] : componentType;
}
