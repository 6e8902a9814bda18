using Gateway.Publishing;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.GrpcApi;

/// <summary>
/// Dapr's publish errors as gRPC answers (the gRPC code column of Dapr's status table): the same message,
/// and <c>grpc-status-details-bin</c> carrying a <c>google.rpc.Status</c> with ResourceInfo (when Dapr sends
/// one) and then ErrorInfo (domain <c>dapr.io</c>, Dapr's reason). Mapped here once, from the reason.
/// </summary>
internal static class GrpcErrors
{
    public static RpcException From(DaprError error)
    {
        var code = CodeOf(error);
        var status = new Google.Rpc.Status { Code = (int)code, Message = error.Message };
        if (error.Reason is { } reason)
        {
            // Dapr's gRPC "pubsub not found" carries only ErrorInfo, without metadata.
            var notFound = reason == "DAPR_PUBSUB_NOT_FOUND";
            if (error.ResourceName is not null && !notFound)
            {
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = "pubsub", ResourceName = error.ResourceName, Owner = "", Description = error.Message }));
            }

            var info = new ErrorInfo { Reason = reason, Domain = "dapr.io" };
            if (!notFound && error.ErrorMetadata is { } metadata)
            {
                info.Metadata.Add(metadata.ToDictionary());
            }

            status.Details.Add(Any.Pack(info));
        }

        return status.ToRpcException();
    }

    /// <summary>A gRPC error of the gateway's own (not one of Dapr's publish errors): code and message, no details.</summary>
    public static RpcException Plain(StatusCode code, string message) => new(new global::Grpc.Core.Status(code, message));

    private static StatusCode CodeOf(DaprError error) => error.Reason switch
    {
        "DAPR_PUBSUB_NOT_CONFIGURED" => StatusCode.FailedPrecondition,
        "DAPR_PUBSUB_FORBIDDEN" => StatusCode.PermissionDenied,
        "DAPR_PUBSUB_TEST_NOT_FOUND" => StatusCode.NotFound,
        "DAPR_PUBSUB_PUBLISH_MESSAGE" => error.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCode.ResourceExhausted : StatusCode.Internal,
        null => error.StatusCode == StatusCodes.Status404NotFound ? StatusCode.NotFound : StatusCode.Internal,
        _ => StatusCode.InvalidArgument,
    };
}
