using Gateway.Drivers;
using Gateway.Resiliency;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>
/// Delivers the messages of one subscription to one app, one message per request: decode, expiry and
/// route (<see cref="MessageDecoder"/>), send through the app's channel under the inbound policy, then
/// the outcome (<see cref="DeliverySettlement"/>): the driver acknowledges only on a final one, so
/// anything else is delivered again (at least once).
/// </summary>
internal sealed class DeliveryHandler(
    DeliveryTarget target, DeliverySettlement settlement, IInboundPolicy policy, Func<TimeSpan> attemptTimeout, GatewayMetrics metrics, GatewayTracing tracing, TimeProvider timeProvider)
{
    /// <summary>The traceparent Dapr sends when the event carries none (tracing disabled).</summary>
    private const string EmptyTraceParent = "00-00000000000000000000000000000000-0000000000000000-00";

    public async ValueTask<MessageOutcome> HandleAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        var decoded = MessageDecoder.Decode(message, target, timeProvider.GetUtcNow());
        if (decoded.Path is not { } path)
        {
            return await settlement.SettleUnsentAsync(message, decoded, cancellationToken);
        }

        var headers = DeliveryHeaders.FromMetadata(message.Metadata, target.Component.Name);
        headers.Add(new("traceparent", decoded.TraceParent.Length == 0 ? EmptyTraceParent : decoded.TraceParent));
        if (decoded.TraceState.Length > 0)
        {
            headers.Add(new("tracestate", decoded.TraceState));
        }

        var attempts = 0;
        var reply = await policy.ExecuteAsync(token => AttemptAsync(path, decoded, headers, ++attempts, token), cancellationToken);
        return await settlement.SettleAsync(message, reply.Status, path, reply.Detail, cancellationToken);
    }

    /// <summary>
    /// One send to the app, measured (in flight, duration, retries) and, when tracing is on, inside its own
    /// span, whose context replaces the event's in the <c>traceparent</c>/<c>tracestate</c> headers.
    /// </summary>
    private async Task<AppReply> AttemptAsync(string path, DecodedMessage decoded, List<KeyValuePair<string, string>> headers, int attempt, CancellationToken cancellationToken)
    {
        var span = tracing.Enabled
            ? tracing.StartDelivery(target.Component.Spec.Type, target.Component.Name, target.Topic, target.App.AppId, path, attempt, decoded.TraceParent, decoded.TraceState)
            : null;
        var sent = span is null ? headers : DeliveryHeaders.WithTraceContext(headers, GatewayTracing.TraceParentOf(span), span.TraceStateString);
        var measurement = new DeliveryAttemptMeasurement(metrics, target.App.AppId, target.Component.Name, target.Topic, attempt, messages: 1);
        AppReply reply;
        try
        {
            reply = await target.Sender.SendAsync(path, decoded.CloudEvent, sent, attemptTimeout(), cancellationToken);
        }
        catch (Exception ex) when (span is not null)
        {
            GatewayTracing.Finish(span, "cancelled", ex.Message);
            throw;
        }
        finally
        {
            measurement.Leave();
        }

        var outcome = DeliverySettlement.OutcomeName(reply.Status);
        measurement.Record(outcome);
        GatewayTracing.Finish(span, outcome, reply.Status == AppReplyStatus.Retry ? reply.Detail : null);
        return reply;
    }
}
