using System.Diagnostics;
using System.Globalization;
using Gateway.Authentication;
using Gateway.CloudEvents;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resiliency;
using Gateway.Telemetry;

namespace Gateway.Publishing;

/// <summary>
/// <c>POST|PUT /v1.0-alpha1/publish/bulk/{pubsub}/{topic...}</c> and <c>/v1.0/publish/bulk/...</c>
/// (spec/dapr-pubsub.md §3): each entry becomes its own CloudEvent; the scope check runs once;
/// 204 when every entry is stored, else 500 listing the entries that were not. With tracing on, the request
/// is one <c>publish</c> span, and every entry's CloudEvent carries that span's trace context.
/// </summary>
internal sealed class BulkPublishEndpoint(
    ComponentRegistry registry, TopicPublisher publisher, ResiliencyPolicies resiliency, GatewayMetrics metrics, GatewayTracing tracing, TimeProvider timeProvider)
{
    private const int MaxParallelPublishes = 100;

    public async Task HandleAsync(HttpContext context, PublishRoute route, Caller caller, string rawTarget)
    {
        var metadata = PublishQuery.ReadMetadata(rawTarget);
        var span = tracing.Enabled
            ? tracing.StartPublish(route.PubsubName, route.Topic, caller.AppId, TraceContext.TraceParent(context.Request), TraceContext.TraceState(context.Request))
            : null;
        DaprError? error;
        IReadOnlyList<BulkPublishFailure> failed;
        try
        {
            (error, failed) = await PublishAsync(context, route, caller, metadata, span);
        }
        catch (Exception ex) when (span is not null)
        {
            GatewayTracing.Finish(span, "exception", ex.Message);
            throw;
        }

        if (span is not null)
        {
            var outcome = error is not null ? error.StatusCode.ToString(CultureInfo.InvariantCulture)
                : failed.Count > 0 ? "500"
                : "stored";
            var message = error?.Message ?? (failed.Count > 0 ? $"{failed.Count} entries not stored, entry '{failed[0].EntryId}': {failed[0].Error.Message}" : null);
            GatewayTracing.Finish(span, outcome, message);
        }

        if (error is not null)
        {
            await error.WriteAsync(context.Response);
            return;
        }

        if (failed.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(BulkPublishResponse.FailedEntries(failed));
    }

    /// <summary>A request error, or the entries the broker did not take (none: all stored).</summary>
    private async Task<(DaprError? Error, IReadOnlyList<BulkPublishFailure> Failed)> PublishAsync(
        HttpContext context, PublishRoute route, Caller caller, Dictionary<string, string> metadata, Activity? span)
    {
        var prepared = await PrepareAsync(context, route, caller, metadata, span);
        if (prepared.Error is { } error)
        {
            return (error, []);
        }

        if (publisher.CheckScope(prepared.Component!, caller, route.Topic) is { } forbidden)
        {
            return (forbidden, []);
        }

        span?.SetTag(TraceAttributes.MessagingBatchMessageCount, prepared.Entries!.Count);
        var policy = resiliency.OutboundFor(caller.Namespace, prepared.Component!.Name, caller.AppId);
        return (null, await PublishAllAsync(prepared.Component!, policy, prepared.Entries!, context.RequestAborted));
    }

    private async Task<(DaprError? Error, PubsubComponent? Component, List<BulkPublishEntry>? Entries)> PrepareAsync(
        HttpContext context, PublishRoute route, Caller caller, Dictionary<string, string> metadata, Activity? span)
    {
        var component = registry.Find(caller.Namespace, caller.AppId, route.PubsubName);
        if (component is null)
        {
            return (DaprErrors.PubsubNotFound(route.PubsubName, metadata), null, null);
        }

        GatewayTracing.SetComponent(span, component);

        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (DaprErrors.BodyTooLarge(route.PubsubName, route.Topic, RequestBody.LimitOf(context.Request)), null, null);
        }

        if (!BulkPublishEntryReader.TryRead(body, out var entries, out var jsonError, out var document))
        {
            document?.Dispose();
            return (DaprErrors.BulkUnmarshal(route.PubsubName, route.Topic, caller.AppId, jsonError), null, null);
        }

        using (document)
        {
            if (!RawPayload.TryRead(metadata, out var raw, out var rawValue))
            {
                return (DaprErrors.RawPayloadNotBoolean(route.PubsubName, rawValue, metadata), null, null);
            }

            var converted = new List<(BulkPublishEntryJson Entry, byte[] Bytes)>(entries.Count);
            foreach (var entry in entries)
            {
                if (!BulkEntryConverter.TryConvert(entry.Event, entry.ContentType, out var bytes, out var mismatch))
                {
                    return (DaprErrors.BulkEventMismatch(route.PubsubName, route.Topic, caller.AppId, mismatch), null, null);
                }

                converted.Add((entry, bytes));
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            if (converted.Any(item => string.IsNullOrEmpty(item.Entry.EntryId) || !ids.Add(item.Entry.EntryId)))
            {
                return (DaprErrors.BulkEntryIdInvalid(route.PubsubName, route.Topic, caller.AppId), null, null);
            }

            // With tracing on, every entry's CloudEvent continues the publish span, as single publish does.
            var traceParent = span is null ? TraceContext.TraceParent(context.Request) : GatewayTracing.TraceParentOf(span);
            var traceState = span is null ? TraceContext.TraceState(context.Request) : span.TraceStateString ?? "";
            var requests = new List<BulkPublishEntry>(converted.Count);
            foreach (var (entry, bytes) in converted)
            {
                // Entry metadata, when present, is merged over the request's; without it the entry's
                // envelope sees none of the request-level keys (Dapr's behaviour).
                var entryMetadata = entry.Metadata is null ? null : Merge(metadata, entry.Metadata);
                ReadOnlyMemory<byte> data = bytes;
                string? contentType = null;
                if (!raw)
                {
                    var envelope = DaprEnvelope.Create(new EnvelopeRequest(
                        bytes, entry.ContentType, null, caller.AppId, component.Name, route.Topic,
                        entryMetadata ?? new Dictionary<string, string>(), traceParent, traceState, timeProvider.GetUtcNow()));
                    if (envelope.Error is { } error)
                    {
                        return (DaprErrors.FromEnvelope(error, component.Name, caller.AppId), null, null);
                    }

                    data = envelope.Bytes!;
                    contentType = CloudEventMediaTypes.StructuredJson;
                }

                requests.Add(new BulkPublishEntry(entry.EntryId!, new PublishRequest(route.Topic, data, contentType, entryMetadata ?? metadata)));
            }

            return (null, component, requests);
        }
    }

    /// <summary>Stores every entry; returns those the broker did not take. Each entry counts as one publish on the publish instruments.</summary>
    private async Task<IReadOnlyList<BulkPublishFailure>> PublishAllAsync(PubsubComponent component, IOutboundPolicy policy, List<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        if (component.Driver is IBulkPublisher bulk)
        {
            var started = Stopwatch.GetTimestamp();
            var failures = await PublishBulkAsync(bulk, policy, entries, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var failedIds = failures.Select(failure => failure.EntryId).ToHashSet(StringComparer.Ordinal);
            for (var stored = entries.Count(entry => !failedIds.Contains(entry.EntryId)); stored > 0; stored--)
            {
                metrics.RecordPublish(component.Name, "stored", elapsed);
            }

            foreach (var failure in failures)
            {
                metrics.RecordPublish(component.Name, TopicPublisher.ResultOf(failure.Error), elapsed);
            }

            return failures;
        }

        var parallelFailures = new System.Collections.Concurrent.ConcurrentBag<BulkPublishFailure>();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelPublishes, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await policy.ExecuteAsync(t => component.Driver.PublishAsync(entry.Request, t), token);
                    metrics.RecordPublish(component.Name, "stored", Stopwatch.GetElapsedTime(started));
                }
                catch (DriverException ex)
                {
                    metrics.RecordPublish(component.Name, TopicPublisher.ResultOf(ex), Stopwatch.GetElapsedTime(started));
                    parallelFailures.Add(new BulkPublishFailure(entry.EntryId, ex));
                }
            });
        return parallelFailures.ToList();
    }

    /// <summary>One broker call for all entries; a retry sends only the entries that failed.</summary>
    private static async Task<IReadOnlyList<BulkPublishFailure>> PublishBulkAsync(IBulkPublisher bulk, IOutboundPolicy policy, List<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        var pending = entries;
        IReadOnlyList<BulkPublishFailure> lastFailures = [];
        try
        {
            await policy.ExecuteAsync(
                async token =>
                {
                    lastFailures = [];
                    lastFailures = await bulk.PublishBulkAsync(pending, token);
                    if (lastFailures.Count > 0)
                    {
                        var failedIds = lastFailures.Select(failure => failure.EntryId).ToHashSet(StringComparer.Ordinal);
                        pending = [.. pending.Where(entry => failedIds.Contains(entry.EntryId))];
                        throw lastFailures[0].Error;
                    }
                },
                cancellationToken);
            return [];
        }
        catch (DriverException ex)
        {
            // The failures of the last call, or, when that call failed as a whole (timeout, open breaker), every entry it carried.
            return lastFailures.Count > 0 ? lastFailures : [.. pending.Select(entry => new BulkPublishFailure(entry.EntryId, ex))];
        }
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> request, Dictionary<string, string> entry)
    {
        var merged = new Dictionary<string, string>(request, StringComparer.Ordinal);
        foreach (var (key, value) in entry)
        {
            merged[key] = value;
        }

        return merged;
    }
}
