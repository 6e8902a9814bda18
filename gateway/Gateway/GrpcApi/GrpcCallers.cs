using Gateway.Authentication;
using Grpc.Core;

namespace Gateway.GrpcApi;

/// <summary>
/// The authenticated caller of a gRPC call, as <see cref="GrpcAuthentication"/> left it on the request. A
/// method never runs without one: a call that reaches it without a caller is refused, not served anonymously.
/// </summary>
internal static class GrpcCallers
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;

    public static Caller Of(ServerCallContext context) =>
        context.GetHttpContext().Items.TryGetValue(Key, out var value) && value is Caller caller
            ? caller
            : throw GrpcErrors.Plain(StatusCode.Unauthenticated, "the call carries no authenticated caller");
}
