using Dapr.AppCallback.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Delivery;

/// <summary>
/// The methods of Dapr's <c>AppCallback</c> services the gateway calls on gRPC apps. Dapr.Protos ships their
/// message types and server bases but no client, so the methods are declared here with its parsers.
/// </summary>
internal static class AppCallbackMethods
{
    private const string AppCallback = "dapr.proto.runtime.v1.AppCallback";
    private const string AppCallbackAlpha = "dapr.proto.runtime.v1.AppCallbackAlpha";

    public static Method<TopicEventRequest, TopicEventResponse> OnTopicEvent { get; } =
        new(MethodType.Unary, AppCallback, "OnTopicEvent", Marshal(TopicEventRequest.Parser), Marshal(TopicEventResponse.Parser));

    public static Method<TopicEventBulkRequest, TopicEventBulkResponse> OnBulkTopicEventAlpha1 { get; } =
        new(MethodType.Unary, AppCallbackAlpha, "OnBulkTopicEventAlpha1", Marshal(TopicEventBulkRequest.Parser), Marshal(TopicEventBulkResponse.Parser));

    public static Method<Empty, ListTopicSubscriptionsResponse> ListTopicSubscriptions { get; } =
        new(MethodType.Unary, AppCallback, "ListTopicSubscriptions", Marshal(Empty.Parser), Marshal(ListTopicSubscriptionsResponse.Parser));

    private static Marshaller<T> Marshal<T>(Google.Protobuf.MessageParser<T> parser) where T : Google.Protobuf.IMessage<T> => Marshallers.Create(
        (message, context) =>
        {
            context.SetPayloadLength(message.CalculateSize());
            Google.Protobuf.MessageExtensions.WriteTo(message, context.GetBufferWriter());
            context.Complete();
        },
        context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));
}
