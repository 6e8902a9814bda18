using System.Diagnostics;
using Gateway.Resiliency;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>
/// Sends the entries of one batch that share a route path as one POST, under the subscription's inbound
/// policy. When the policy retries, only the entries still marked for retry are sent again (as Dapr's bulk
/// resiliency does); without a policy there is one attempt, and retried entries are left to the broker.
/// Each POST is measured like a single delivery attempt (in flight and retries per entry, one duration per
/// POST) and, when tracing is on, is one <c>deliver</c> span linked to the entries' trace contexts.
/// </summary>
internal sealed class BulkPathSender(DeliveryTarget target, IInboundPolicy policy, Func<TimeSpan> attemptTimeout, GatewayMetrics metrics, GatewayTracing tracing)
{
    /// <summary>The app's final verdict on each entry, in the order given, and the last reply's explanation.</summary>
    public async Task<(AppReplyStatus[] Statuses, string Detail)> SendAsync(string path, IReadOnlyList<BulkEntry> entries, CancellationToken cancellationToken)
    {
        var statuses = Enumerable.Repeat(AppReplyStatus.Retry, entries.Count).ToArray();
        var detail = "";
        var attempts = 0;
        await policy.ExecuteAsync(
            async token =>
            {
                var remaining = Enumerable.Range(0, entries.Count).Where(index => statuses[index] == AppReplyStatus.Retry).ToList();
                var reply = await AttemptAsync(path, [.. remaining.Select(index => entries[index])], ++attempts, token);
                foreach (var index in remaining)
                {
                    statuses[index] = reply.StatusOf(entries[index].EntryId);
                }

                detail = reply.Detail;
                return remaining.Any(index => statuses[index] == AppReplyStatus.Retry)
                    ? new AppReply(AppReplyStatus.Retry, reply.HttpStatus, reply.Detail)
                    : new AppReply(AppReplyStatus.Success, reply.HttpStatus, "delivered");
            },
            cancellationToken);
        return (statuses, detail);
    }

    /// <summary>
    /// One POST of <paramref name="entries"/>, measured and, when tracing is on, inside its own span, whose
    /// context the app receives as <c>traceparent</c>/<c>tracestate</c>.
    /// </summary>
    private async Task<BulkReply> AttemptAsync(string path, List<BulkEntry> entries, int attempt, CancellationToken cancellationToken)
    {
        var span = tracing.Enabled
            ? tracing.StartBulkDelivery(target.Component.Spec.Type, target.Component.Name, target.Topic, target.App.AppId, path, attempt, entries.Count, LinkContexts(entries))
            : null;
        List<KeyValuePair<string, string>> headers = [new("Pubsubname", target.Component.Name)];
        if (span is not null)
        {
            headers = DeliveryHeaders.WithTraceContext(headers, GatewayTracing.TraceParentOf(span), span.TraceStateString);
        }

        var measurement = new DeliveryAttemptMeasurement(metrics, target.App.AppId, target.Component.Name, target.Topic, attempt, entries.Count);
        BulkReply reply;
        try
        {
            reply = await target.Sender.SendBatchAsync(path, target.Topic, target.Component.Name, entries, headers, attemptTimeout(), cancellationToken);
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

        var outcome = OutcomeOf(reply, entries);
        measurement.Record(outcome);
        GatewayTracing.Finish(span, outcome, outcome == "retry" ? reply.Detail : null);
        return reply;
    }

    /// <summary>The attempt's outcome: <c>retry</c> when any entry is to be sent again, else <c>drop</c> when any was dropped, else <c>success</c>.</summary>
    private static string OutcomeOf(BulkReply reply, List<BulkEntry> entries)
    {
        var dropped = false;
        foreach (var entry in entries)
        {
            switch (reply.StatusOf(entry.EntryId))
            {
                case AppReplyStatus.Retry:
                    return "retry";
                case AppReplyStatus.Drop:
                    dropped = true;
                    break;
            }
        }

        return dropped ? "drop" : "success";
    }

    private static IEnumerable<ActivityContext> LinkContexts(List<BulkEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (GatewayTracing.TryParseContext(entry.TraceParent, entry.TraceState, out var context))
            {
                yield return context;
            }
        }
    }
}
