using Dapr.Client.Autogen.Grpc.v1;
using BulkPublishResponse = Dapr.Client.Autogen.Grpc.v1.BulkPublishResponse;
using Gateway.Metadata;
using Gateway.Publishing;
using Gateway.Subscriptions.Streaming;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.GrpcApi;

/// <summary>
/// The gRPC front door of Dapr's pub/sub API (<c>dapr.proto.runtime.v1.Dapr</c>), a thin adapter like the
/// HTTP endpoints: it reads each request into the same <see cref="PublishCall"/> and content, hands it to
/// the one <see cref="PublishService"/> (scopes, CloudEvents, resiliency, drivers all live there), and
/// writes the answer, with Dapr's gRPC codes and error details (<see cref="GrpcErrors"/>).
/// </summary>
internal sealed partial class DaprGrpcService(PublishService publisher, CallerMetadata metadata, StreamingSubscriptions streaming)
{
    private static readonly Empty Stored = new();

    public async Task<Empty> PublishEventAsync(PublishEventRequest request, ServerCallContext context)
    {
        var operation = publisher.Start(CallOf(context, request.PubsubName, request.Topic, request.Metadata));
        DaprError? result;
        try
        {
            var content = new PublishContent(request.Data.Memory, request.DataContentType.Length == 0 ? null : request.DataContentType);
            result = operation.Error ?? await publisher.PublishAsync(operation, content, context.CancellationToken);
        }
        catch (Exception ex)
        {
            operation.Fail(ex);
            throw;
        }

        operation.Finish(result);
        return result is null ? Stored : throw GrpcErrors.From(result);
    }

    /// <summary>
    /// <c>BulkPublishEvent</c> and <c>BulkPublishEventAlpha1</c>. As in Dapr's gRPC API, a failure of the broker
    /// for any entry is an <c>Internal</c> error (no partial answer), and each entry's metadata is the request's
    /// with the entry's own keys winning.
    /// </summary>
    public async Task<BulkPublishResponse> BulkPublishEventAsync(BulkPublishRequest request, ServerCallContext context)
    {
        var operation = publisher.Start(CallOf(context, request.PubsubName, request.Topic, request.Metadata));
        BulkPublishOutcome outcome;
        try
        {
            outcome = operation.Error is { } error
                ? BulkPublishOutcome.Refused(error)
                : await publisher.PublishBulkAsync(operation, [.. request.Entries.Select(Input)], context.CancellationToken);
        }
        catch (Exception ex)
        {
            operation.Fail(ex);
            throw;
        }

        operation.Finish(outcome);
        if (outcome.Error is { } refused)
        {
            throw GrpcErrors.From(refused);
        }

        if (outcome.Failed is [var first, ..])
        {
            throw GrpcErrors.From(DaprErrors.PublishFailed(request.PubsubName, request.Topic, first.Error.Message));
        }

        return new BulkPublishResponse();
    }

    public Task<GetMetadataResponse> GetMetadataAsync(GetMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(GrpcMetadata.Write(metadata.Read(GrpcCallers.Of(context))));

    private static BulkPublishInput Input(BulkPublishRequestEntry entry) =>
        new(entry.EntryId, entry.Event.Memory, entry.ContentType.Length == 0 ? null : entry.ContentType, new Dictionary<string, string>(entry.Metadata, StringComparer.Ordinal));

    private static PublishCall CallOf(ServerCallContext context, string pubsubName, string topic, IDictionary<string, string> metadata)
    {
        var request = context.GetHttpContext().Request;
        return new PublishCall(
            GrpcCallers.Of(context), pubsubName, topic, new Dictionary<string, string>(metadata, StringComparer.Ordinal),
            TraceContext.TraceParent(request), TraceContext.TraceState(request));
    }
}
