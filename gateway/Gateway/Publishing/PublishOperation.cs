using System.Diagnostics;
using System.Globalization;
using Gateway.Pubsub;
using Gateway.Telemetry;

namespace Gateway.Publishing;

/// <summary>
/// One publish request in progress, from <see cref="PublishService.Start"/> to <see cref="Finish(DaprError?)"/>:
/// the call, the component it resolved to (null when <see cref="Error"/> says why not), and, with tracing on,
/// its <c>publish</c> span. Events published through it carry the span's trace context, else the caller's.
/// </summary>
internal sealed class PublishOperation(PublishCall call, PubsubComponent? component, DaprError? error, Activity? span)
{
    public PublishCall Call { get; } = call;

    /// <summary>The component; not null when <see cref="Error"/> is null.</summary>
    public PubsubComponent? Component { get; } = component;

    /// <summary>Why the request cannot go on (unknown pubsub, empty topic); null when it can.</summary>
    public DaprError? Error { get; } = error;

    public Activity? Span { get; } = span;

    /// <summary>The trace context written into the events: the publish span's when tracing is on, else the caller's.</summary>
    public string TraceParent => Span is null ? Call.TraceParent : GatewayTracing.TraceParentOf(Span);

    /// <inheritdoc cref="TraceParent"/>
    public string TraceState => Span is null ? Call.TraceState : Span.TraceStateString ?? "";

    /// <summary>Ends the span with the request's answer.</summary>
    public void Finish(DaprError? result) =>
        GatewayTracing.Finish(Span, result is null ? "stored" : result.StatusCode.ToString(CultureInfo.InvariantCulture), result?.Message);

    /// <summary>Ends the span of a bulk request with its answer.</summary>
    public void Finish(BulkPublishOutcome outcome)
    {
        if (outcome.Error is not null || outcome.Failed.Count == 0)
        {
            Finish(outcome.Error);
            return;
        }

        var first = outcome.Failed[0];
        GatewayTracing.Finish(Span, "500", $"{outcome.Failed.Count} entries not stored, entry '{first.EntryId}': {first.Error.Message}");
    }

    /// <summary>Ends the span of a request that threw.</summary>
    public void Fail(Exception exception) => GatewayTracing.Finish(Span, "exception", exception.Message);
}
