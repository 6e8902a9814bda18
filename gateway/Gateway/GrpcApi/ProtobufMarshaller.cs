using Google.Protobuf;
using Grpc.Core;

namespace Gateway.GrpcApi;

/// <summary>
/// gRPC marshallers for Dapr's own message types (Dapr.Protos), written the way protoc's generated code
/// writes them: straight into the transport's buffer, parsed from its sequence without a copy.
/// </summary>
internal static class ProtobufMarshaller
{
    public static Marshaller<T> For<T>(MessageParser<T> parser) where T : IMessage<T> => Marshallers.Create(
        (message, context) =>
        {
            context.SetPayloadLength(message.CalculateSize());
            message.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    /// <summary>The request and response bytes as they are, for methods that are answered without reading them.</summary>
    public static Marshaller<byte[]> Bytes { get; } = Marshallers.Create(bytes => bytes, bytes => bytes);
}
