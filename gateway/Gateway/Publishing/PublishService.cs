using System.Diagnostics;
using System.Runtime.CompilerServices;
using Gateway.Authentication;
using Gateway.CloudEvents;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resiliency;
using Gateway.Resources;
using Gateway.Scopes;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Publishing;

/// <summary>
/// The one publish path. Every front door (HTTP single and bulk, gRPC) and every dead-letter write goes
/// through here, in Dapr's order of steps: component lookup for the caller, topic, <c>rawPayload</c>,
/// CloudEvent envelope, topic scope check, outbound resiliency policy, driver; then the publish
/// instruments, the log line of a failure and the span. A front door only reads its wire format into a
/// <see cref="PublishCall"/> and <see cref="PublishContent"/>, and writes the answer back.
/// </summary>
internal sealed partial class PublishService(
    ComponentRegistry registry,
    ScopeGuard scopes,
    ResiliencyPolicies resiliency,
    GatewayMetrics metrics,
    GatewayTracing tracing,
    IOptions<IPublishingSettings> settings,
    TimeProvider timeProvider,
    ILogger<PublishService> logger)
{
    // Weak keys: a component replaced by live reload takes its run with it.
    private readonly ConditionalWeakTable<PubsubComponent, FailureRun> _failures = new();
    private int _runsInProgress;

    /// <summary>
    /// Starts a publish request: its span (continuing the caller's trace context), the component lookup
    /// for the caller's namespace and app ID, and the topic check. The front door reads the body only when
    /// <see cref="PublishOperation.Error"/> is null, and finishes the operation with the answer.
    /// </summary>
    public PublishOperation Start(PublishCall call)
    {
        var span = tracing.Enabled
            ? tracing.StartPublish(call.PubsubName, call.Topic, call.Caller.AppId, call.TraceParent, call.TraceState)
            : null;
        if (call.PubsubName.Length == 0)
        {
            return new PublishOperation(call, null, DaprErrors.PubsubEmpty(call.Metadata), span);
        }

        var component = registry.Find(call.Caller.Namespace, call.Caller.AppId, call.PubsubName);
        if (component is null)
        {
            return new PublishOperation(call, null, DaprErrors.PubsubNotFound(call.PubsubName, call.Metadata), span);
        }

        GatewayTracing.SetComponent(span, component.Spec.Type);
        if (call.Topic.Length == 0)
        {
            return new PublishOperation(call, component, DaprErrors.TopicEmpty(call.PubsubName, call.Metadata), span);
        }

        return TopicNames.Problem(call.Topic) is { } problem
            ? new PublishOperation(call, component, DaprErrors.TopicRefused(component.Name, call.Topic, call.Caller.AppId, problem), span)
            : new PublishOperation(call, component, null, span);
    }

    /// <summary>Publishes one event; null when the broker has it.</summary>
    public async ValueTask<DaprError?> PublishAsync(PublishOperation operation, PublishContent content, CancellationToken cancellationToken)
    {
        var (call, component) = (operation.Call, operation.Component!);
        if (!RawPayload.TryRead(call.Metadata, out var raw, out var rawValue))
        {
            return DaprErrors.RawPayloadNotBoolean(call.PubsubName, rawValue, call.Metadata);
        }

        var request = new PublishRequest(call.Topic, content.Data, null, call.Metadata);
        if (!raw)
        {
            if (content.RepeatedAttribute is { } repeated)
            {
                return DaprErrors.InvalidCloudEvent(component.Name, call.Caller.AppId,
                    $"header '{repeated}' appears more than once; each CloudEvents attribute must appear at most once");
            }

            var envelope = DaprEnvelope.Create(new EnvelopeRequest(
                content.Data, content.ContentType, content.BinaryModeAttributes, call.Caller.AppId, component.Name, call.Topic,
                call.Metadata, operation.TraceParent, operation.TraceState, timeProvider.GetUtcNow()));
            if (envelope.Error is { } error)
            {
                return DaprErrors.FromEnvelope(error, component.Name, call.Caller.AppId);
            }

            request = request with { Data = envelope.Bytes!, ContentType = CloudEventMediaTypes.StructuredJson };
        }

        return await StoreAsync(component, call.Caller, request, cancellationToken);
    }

    /// <summary>
    /// Writes a message as it is, on behalf of <paramref name="onBehalfOf"/> (their publishing scopes
    /// apply): dead letters, the original message unchanged. Null when the broker has it.
    /// </summary>
    public ValueTask<DaprError?> RepublishAsync(PubsubComponent component, Caller onBehalfOf, PublishRequest request, CancellationToken cancellationToken) =>
        StoreAsync(component, onBehalfOf, request, cancellationToken);

    /// <summary>The last steps of every single publish: scope check, then the driver inside the outbound policy.</summary>
    private async ValueTask<DaprError?> StoreAsync(PubsubComponent component, Caller caller, PublishRequest request, CancellationToken cancellationToken)
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
            RecordStored(component);
            return null;
        }
        catch (DriverException ex)
        {
            RecordFailure(component, request.Topic, ex, Stopwatch.GetElapsedTime(started));
            return DaprErrors.PublishFailed(component.Name, request.Topic, ex.Message);
        }
    }

    private DaprError? CheckScope(PubsubComponent component, Caller caller, string topic) =>
        scopes.Allows(component, new ScopedApp(caller.AppId, caller.SpiffeId, caller.Namespace), topic, ScopeOperation.Publish, out _)
            ? null
            : DaprErrors.Forbidden(component.Name, topic, caller.AppId);

    /// <summary>
    /// A publish the broker refused: counted on the publish instruments, and logged as part of the
    /// component's run of failures (the first whole, then a summary per period), so a broker that is down
    /// makes a few lines, not one per publish.
    /// </summary>
    private void RecordFailure(PubsubComponent component, string topic, DriverException error, TimeSpan elapsed)
    {
        metrics.RecordPublish(component.Name, ResultOf(error), elapsed);
        var note = FailuresOf(component).Failed();
        if (note.Kind == FailureNoteKind.First)
        {
            Interlocked.Increment(ref _runsInProgress);
            LogPublishFailed(logger, error, component.Name, topic, error.Message);
        }
        else if (note.Kind == FailureNoteKind.Summary)
        {
            LogStillFailing(logger, note.Count, component.Name, (int)FailureRun.DefaultPeriod.TotalSeconds, error.Message);
        }
    }

    /// <summary>A publish the broker took: ends the component's run of failures, saying so once.</summary>
    private void RecordStored(PubsubComponent component)
    {
        if (Volatile.Read(ref _runsInProgress) == 0 || !_failures.TryGetValue(component, out var run))
        {
            return;
        }

        if (run.Succeeded() is > 0 and var failures)
        {
            Interlocked.Decrement(ref _runsInProgress);
            LogRecovered(logger, component.Name, failures);
        }
    }

    private FailureRun FailuresOf(PubsubComponent component) =>
        _failures.GetValue(component, _ => new FailureRun(timeProvider, FailureRun.DefaultPeriod));

    /// <summary>The <c>result</c> tag of a publish the broker refused.</summary>
    private static string ResultOf(DriverException error) => error.IsTransient ? "transient_error" : "error";

    [LoggerMessage(EventId = EventIds.PublishService.StillFailing, Level = LogLevel.Error,
        Message = "{Count} more publishes to pubsub '{Pubsub}' failed in the last {Seconds} s; the last: {Error}")]
    private static partial void LogStillFailing(ILogger logger, int count, string pubsub, int seconds, string error);

    [LoggerMessage(EventId = EventIds.PublishService.Recovered, Level = LogLevel.Information, Message = "Publishes to pubsub '{Pubsub}' succeed again after {Count} failed")]
    private static partial void LogRecovered(ILogger logger, string pubsub, int count);

    [LoggerMessage(EventId = EventIds.PublishService.PublishFailed, Level = LogLevel.Error, Message = "Publish to topic '{Topic}' on pubsub '{Pubsub}' failed: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string pubsub, string topic, string error);

    [LoggerMessage(EventId = EventIds.PublishService.BulkPublishFailed, Level = LogLevel.Error,
        Message = "Bulk publish to topic '{Topic}' on pubsub '{Pubsub}': {Failed} of {Total} entries not stored; entry '{EntryId}': {Error}")]
    private static partial void LogBulkPublishFailed(ILogger logger, Exception exception, string pubsub, string topic, int failed, int total, string entryId, string error);
}
