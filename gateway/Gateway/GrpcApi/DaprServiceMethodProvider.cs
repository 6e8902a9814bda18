using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Gateway.GrpcApi;

/// <summary>
/// Binds <c>dapr.proto.runtime.v1.Dapr</c> to <see cref="DaprGrpcService"/>. Dapr.Protos ships the service's
/// message types, descriptor and client, but no server base, so the methods are bound here by name with
/// Dapr.Protos' parsers. Every other method of the service's descriptor is bound too, to an answer of
/// <c>Unimplemented</c> that names it, so an SDK calling one learns what is missing, not just that something is.
/// </summary>
internal sealed class DaprServiceMethodProvider : IServiceMethodProvider<DaprGrpcService>
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = global::Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprGrpcService> context)
    {
        var bound = new HashSet<string>(StringComparer.Ordinal);
        Unary(context, bound, "PublishEvent", PublishEventRequest.Parser, Empty.Parser, (service, request, call) => service.PublishEventAsync(request, call));
        Unary(context, bound, "BulkPublishEvent", BulkPublishRequest.Parser, BulkPublishResponse.Parser, (service, request, call) => service.BulkPublishEventAsync(request, call));
        Unary(context, bound, "BulkPublishEventAlpha1", BulkPublishRequest.Parser, BulkPublishResponse.Parser, (service, request, call) => service.BulkPublishEventAsync(request, call));
        Unary(context, bound, "GetMetadata", GetMetadataRequest.Parser, GetMetadataResponse.Parser, (service, request, call) => service.GetMetadataAsync(request, call));

        bound.Add("SubscribeTopicEventsAlpha1");
        context.AddDuplexStreamingMethod(
            new Method<SubscribeTopicEventsRequestAlpha1, SubscribeTopicEventsResponseAlpha1>(
                MethodType.DuplexStreaming, Service.FullName, "SubscribeTopicEventsAlpha1",
                ProtobufMarshaller.For(SubscribeTopicEventsRequestAlpha1.Parser), ProtobufMarshaller.For(SubscribeTopicEventsResponseAlpha1.Parser)),
            [],
            (service, requests, responses, call) => service.SubscribeTopicEventsAsync(requests, responses, call));

        foreach (var method in Service.Methods.Where(method => !bound.Contains(method.Name)))
        {
            BindUnimplemented(context, method);
        }
    }

    private static void Unary<TRequest, TResponse>(
        ServiceMethodProviderContext<DaprGrpcService> context,
        HashSet<string> bound,
        string name,
        MessageParser<TRequest> requestParser,
        MessageParser<TResponse> responseParser,
        UnaryServerMethod<DaprGrpcService, TRequest, TResponse> invoker)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        bound.Add(name);
        var method = new Method<TRequest, TResponse>(MethodType.Unary, Service.FullName, name, ProtobufMarshaller.For(requestParser), ProtobufMarshaller.For(responseParser));
        context.AddUnaryMethod(method, [], invoker);
    }

    private static void BindUnimplemented(ServiceMethodProviderContext<DaprGrpcService> context, Google.Protobuf.Reflection.MethodDescriptor descriptor)
    {
        var refusal = GrpcErrors.Plain(StatusCode.Unimplemented,
            $"method {Service.FullName}/{descriptor.Name} is not implemented: this gateway serves Dapr's pub/sub API "
            + "(PublishEvent, BulkPublishEvent, BulkPublishEventAlpha1, GetMetadata, SubscribeTopicEventsAlpha1)");
        var bytes = ProtobufMarshaller.Bytes;
        switch ((descriptor.IsClientStreaming, descriptor.IsServerStreaming))
        {
            case (false, false):
                context.AddUnaryMethod(new Method<byte[], byte[]>(MethodType.Unary, Service.FullName, descriptor.Name, bytes, bytes), [],
                    (_, _, _) => Task.FromException<byte[]>(refusal));
                break;
            case (false, true):
                context.AddServerStreamingMethod(new Method<byte[], byte[]>(MethodType.ServerStreaming, Service.FullName, descriptor.Name, bytes, bytes), [],
                    (_, _, _, _) => Task.FromException(refusal));
                break;
            case (true, false):
                context.AddClientStreamingMethod(new Method<byte[], byte[]>(MethodType.ClientStreaming, Service.FullName, descriptor.Name, bytes, bytes), [],
                    (_, _, _) => Task.FromException<byte[]>(refusal));
                break;
            default:
                context.AddDuplexStreamingMethod(new Method<byte[], byte[]>(MethodType.DuplexStreaming, Service.FullName, descriptor.Name, bytes, bytes), [],
                    (_, _, _, _) => Task.FromException(refusal));
                break;
        }
    }
}
