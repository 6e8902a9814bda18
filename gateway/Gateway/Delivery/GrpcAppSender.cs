using Dapr.AppCallback.Autogen.Grpc.v1;
using Gateway.CloudEvents;
using Gateway.Resiliency;
using Google.Protobuf;
using ResponseStatus = Dapr.AppCallback.Autogen.Grpc.v1.TopicEventResponse.Types.TopicEventResponseStatus;

namespace Gateway.Delivery;

/// <summary>
/// Deliveries to a gRPC app (<c>App</c> <c>spec.protocol: grpc</c>, Dapr's <c>--app-protocol grpc</c>): one
/// <c>OnTopicEvent</c> per event and one <c>OnBulkTopicEventAlpha1</c> per batch, through the app's
/// <see cref="AppChannel"/> (mTLS, its expected SPIFFE ID, back-off, concurrency). Answers are read as Dapr reads
/// them: SUCCESS acknowledges, RETRY retries, DROP drops; the errors as <see cref="AppChannel.CallAsync"/> says.
/// </summary>
internal sealed class GrpcAppSender(AppChannel channel, string topic, string pubsubName) : IAppSender
{
    public Task<AppReply> SendAsync(string path, ReadOnlyMemory<byte> cloudEvent, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = TopicEventRequests.From(cloudEvent, path, topic, pubsubName);
        return request is null
            ? Task.FromResult(new AppReply(AppReplyStatus.Drop, 0, "the event is not a JSON CloudEvent"))
            : channel.CallAsync(AppCallbackMethods.OnTopicEvent, request, Metadata(headers), timeout, Read, cancellationToken);
    }

    public async Task<BulkReply> SendBatchAsync(
        string path, string topic, string pubsubName, IReadOnlyList<BulkEntry> entries, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = new TopicEventBulkRequest { Id = Guid.NewGuid().ToString(), Topic = topic, PubsubName = pubsubName, Path = path, Type = BulkEnvelope.EventType };
        foreach (var entry in entries)
        {
            var item = new TopicEventBulkRequestEntry { EntryId = entry.EntryId, Metadata = { entry.Metadata.ToDictionary() } };
            if (entry.Raw || TopicEventRequests.From(entry.Event, path, topic, pubsubName) is not { } cloudEvent)
            {
                item.Bytes = ByteString.CopyFrom(entry.Event.Span);
                item.ContentType = "application/octet-stream";
            }
            else
            {
                item.CloudEvent = new TopicEventCERequest
                {
                    Id = cloudEvent.Id, Source = cloudEvent.Source, Type = cloudEvent.Type, SpecVersion = cloudEvent.SpecVersion,
                    DataContentType = cloudEvent.DataContentType, Data = cloudEvent.Data, Extensions = cloudEvent.Extensions,
                };
                item.ContentType = CloudEventMediaTypes.Structured;
            }

            request.Entries.Add(item);
        }

        TopicEventBulkResponse? answer = null;
        var reply = await channel.CallAsync(AppCallbackMethods.OnBulkTopicEventAlpha1, request, Metadata(headers), timeout,
            response =>
            {
                answer = response;
                return new AppReply(AppReplyStatus.Success, 0, "answered");
            },
            cancellationToken);
        if (answer is null)
        {
            return reply.Status == AppReplyStatus.Drop ? BulkReply.AllDropped(reply.Detail) : BulkReply.NoAnswer(reply.Detail);
        }

        return BulkReply.FromStatuses(answer.Statuses.ToDictionary(
            status => status.EntryId,
            status => status.Status switch
            {
                ResponseStatus.Success => AppReplyStatus.Success,
                ResponseStatus.Drop => AppReplyStatus.Drop,
                _ => AppReplyStatus.Retry,
            },
            StringComparer.Ordinal));
    }

    private static AppReply Read(TopicEventResponse response) => response.Status switch
    {
        ResponseStatus.Success => new AppReply(AppReplyStatus.Success, 0, "delivered"),
        ResponseStatus.Drop => new AppReply(AppReplyStatus.Drop, 0, "the app answered DROP"),
        ResponseStatus.Retry => new AppReply(AppReplyStatus.Retry, 0, "the app answered RETRY"),
        var other => new AppReply(AppReplyStatus.Retry, 0, $"the app answered the unknown status {other}"),
    };

    /// <summary>Delivery headers as gRPC metadata: names lower-cased, only those gRPC can carry.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Metadata(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Where(header => header.Key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && header.Value.All(c => c is >= ' ' and <= '~'));
}
