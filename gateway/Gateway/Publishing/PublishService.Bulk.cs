using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.CloudEvents;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resiliency;

namespace Gateway.Publishing;

/// <summary>
/// Bulk publish (Dapr's order: <c>rawPayload</c>, entry IDs, one CloudEvent per entry, one scope check for
/// the request, then the broker). Every entry is checked before any is stored, so a request with a bad entry
/// stores nothing. A component with <see cref="IBulkPublisher"/> then gets the entries in slices of at most
/// <see cref="BulkSlice"/>, one after another, so no driver ever holds a whole large request in one buffer;
/// each call's retries carry only the entries that failed. Others get one publish per entry, up to
/// <see cref="MaxParallelPublishes"/> at once, as Dapr does. Every entry counts as one publish on the
/// publish instruments; the entries the broker did not take are logged once per request.
/// </summary>
internal sealed partial class PublishService
{
    private const int MaxParallelPublishes = 100;

    /// <summary>Most entries handed to a bulk-capable driver in one call.</summary>
    internal const int BulkSlice = 1_000;

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    /// <summary>The 413 for a bulk request with more entries than <see cref="IPublishingSettings.MaxBulkPublishEntries"/>; null when within it.</summary>
    public DaprError? BulkSizeError(PublishOperation operation, int entries)
    {
        var limit = settings.Value.MaxBulkPublishEntries;
        return entries <= limit
            ? null
            : DaprErrors.PublishFailed(413, operation.Call.PubsubName, operation.Call.Topic,
                $"the request has {entries} entries, more than the limit of {limit} (setting Gateway:MaxBulkPublishEntries); split it");
    }

    public async ValueTask<BulkPublishOutcome> PublishBulkAsync(PublishOperation operation, IReadOnlyList<BulkPublishInput> inputs, CancellationToken cancellationToken)
    {
        var (call, component) = (operation.Call, operation.Component!);
        if (BulkSizeError(operation, inputs.Count) is { } tooMany)
        {
            return BulkPublishOutcome.Refused(tooMany);
        }

        if (!RawPayload.TryRead(call.Metadata, out var raw, out var rawValue))
        {
            return BulkPublishOutcome.Refused(DaprErrors.RawPayloadNotBoolean(call.PubsubName, rawValue, call.Metadata));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (inputs.Any(input => string.IsNullOrEmpty(input.EntryId) || !ids.Add(input.EntryId)))
        {
            return BulkPublishOutcome.Refused(DaprErrors.BulkEntryIdInvalid(call.PubsubName, call.Topic, call.Caller.AppId));
        }

        var entries = new List<BulkPublishEntry>(inputs.Count);
        foreach (var input in inputs)
        {
            var metadata = input.Metadata is null ? null : Merge(call.Metadata, input.Metadata);
            var request = new PublishRequest(call.Topic, input.Data, null, metadata ?? call.Metadata);
            if (!raw)
            {
                var envelope = DaprEnvelope.Create(new EnvelopeRequest(
                    input.Data, input.ContentType, null, call.Caller.AppId, component.Name, call.Topic,
                    metadata ?? NoMetadata, operation.TraceParent, operation.TraceState, timeProvider.GetUtcNow()));
                if (envelope.Error is { } error)
                {
                    return BulkPublishOutcome.Refused(DaprErrors.FromEnvelope(error, component.Name, call.Caller.AppId));
                }

                request = request with { Data = envelope.Bytes!, ContentType = CloudEventMediaTypes.StructuredJson };
            }

            entries.Add(new BulkPublishEntry(input.EntryId!, request));
        }

        if (CheckScope(component, call.Caller, call.Topic) is { } forbidden)
        {
            return BulkPublishOutcome.Refused(forbidden);
        }

        operation.Span?.SetTag(Telemetry.TraceAttributes.MessagingBatchMessageCount, entries.Count);
        var policy = resiliency.OutboundFor(call.Caller.Namespace, component.Name, call.Caller.AppId);
        var failed = await StoreAllAsync(component, policy, entries, cancellationToken);
        if (failed.Count > 0)
        {
            LogBulkPublishFailed(logger, failed[0].Error, component.Name, call.Topic, failed.Count, entries.Count, failed[0].EntryId, failed[0].Error.Message);
        }

        return failed.Count == 0 ? BulkPublishOutcome.Stored : new BulkPublishOutcome(null, failed);
    }

    private async Task<IReadOnlyList<BulkPublishFailure>> StoreAllAsync(
        PubsubComponent component, IOutboundPolicy policy, List<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        if (component.Driver is IBulkPublisher bulk)
        {
            var failures = new List<BulkPublishFailure>();
            foreach (var slice in entries.Chunk(BulkSlice))
            {
                var started = Stopwatch.GetTimestamp();
                var sliceFailures = await StoreBulkAsync(bulk, policy, [.. slice], cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                for (var stored = slice.Length - sliceFailures.Count; stored > 0; stored--)
                {
                    metrics.RecordPublish(component.Name, "stored", elapsed);
                }

                foreach (var failure in sliceFailures)
                {
                    metrics.RecordPublish(component.Name, ResultOf(failure.Error), elapsed);
                }

                failures.AddRange(sliceFailures);
            }

            return failures;
        }

        var parallelFailures = new ConcurrentBag<BulkPublishFailure>();
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
                    metrics.RecordPublish(component.Name, ResultOf(ex), Stopwatch.GetElapsedTime(started));
                    parallelFailures.Add(new BulkPublishFailure(entry.EntryId, ex));
                }
            });
        return [.. parallelFailures];
    }

    /// <summary>One broker call for all entries; a retry sends only the entries that failed.</summary>
    private static async Task<IReadOnlyList<BulkPublishFailure>> StoreBulkAsync(IBulkPublisher bulk, IOutboundPolicy policy, List<BulkPublishEntry> entries, CancellationToken cancellationToken)
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

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> request, IReadOnlyDictionary<string, string> entry)
    {
        var merged = new Dictionary<string, string>(request, StringComparer.Ordinal);
        foreach (var (key, value) in entry)
        {
            merged[key] = value;
        }

        return merged;
    }
}
