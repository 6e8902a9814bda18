using Gateway.Authentication;
using Gateway.CloudEvents;

namespace Gateway.Publishing;

/// <summary>
/// <c>POST|PUT /v1.0-alpha1/publish/bulk/{pubsub}/{topic...}</c> and <c>/v1.0/publish/bulk/...</c>: reads
/// the JSON array of entries (each event turned into bytes by its content type, as Dapr's HTTP API does)
/// into a bulk publish for <see cref="PublishService"/>, and writes the answer: 204 when every entry is
/// stored, else Dapr's 500 body listing the entries that were not.
/// </summary>
internal sealed class BulkPublishEndpoint(PublishService publisher, RequestBodyReader bodies)
{
    public async Task HandleAsync(HttpContext context, PublishRoute route, Caller caller, string rawTarget)
    {
        var request = context.Request;
        var operation = publisher.Start(new PublishCall(
            caller, route.PubsubName, route.Topic, PublishQuery.ReadMetadata(rawTarget), TraceContext.TraceParent(request), TraceContext.TraceState(request)));
        BulkPublishOutcome outcome;
        try
        {
            outcome = operation.Error is { } error ? BulkPublishOutcome.Refused(error) : await PublishAsync(context, operation);
        }
        catch (Exception ex)
        {
            operation.Fail(ex);
            throw;
        }

        operation.Finish(outcome);
        if (outcome.Error is not null)
        {
            await outcome.Error.WriteAsync(context.Response);
            return;
        }

        if (outcome.Failed.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(BulkPublishResponse.FailedEntries(outcome.Failed));
    }

    private async Task<BulkPublishOutcome> PublishAsync(HttpContext context, PublishOperation operation)
    {
        var call = operation.Call;
        var read = await bodies.ReadAsync(context.Request);
        if (read.Bytes is not { } body)
        {
            return BulkPublishOutcome.Refused(DaprErrors.BodyNotRead(call.PubsubName, call.Topic, read));
        }

        if (!BulkPublishEntryReader.TryRead(body, out var entries, out var jsonError, out var document))
        {
            document?.Dispose();
            return BulkPublishOutcome.Refused(DaprErrors.BulkUnmarshal(call.PubsubName, call.Topic, call.Caller.AppId, jsonError));
        }

        List<BulkPublishInput> inputs;
        using (document)
        {
            // Refused before every entry is turned into bytes.
            if (publisher.BulkSizeError(operation, entries.Count) is { } tooMany)
            {
                return BulkPublishOutcome.Refused(tooMany);
            }

            inputs = new List<BulkPublishInput>(entries.Count);
            foreach (var entry in entries)
            {
                if (!BulkEntryConverter.TryConvert(entry.Event, entry.ContentType, out var bytes, out var mismatch))
                {
                    return BulkPublishOutcome.Refused(DaprErrors.BulkEventMismatch(call.PubsubName, call.Topic, call.Caller.AppId, mismatch));
                }

                inputs.Add(new BulkPublishInput(entry.EntryId, bytes, entry.ContentType, entry.Metadata));
            }
        }

        // The parsed JSON is released before publishing: only the entries' bytes stay.
        entries.Clear();
        return await publisher.PublishBulkAsync(operation, inputs, context.RequestAborted);
    }
}
