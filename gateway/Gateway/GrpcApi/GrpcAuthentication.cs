using Gateway.Authentication;

namespace Gateway.GrpcApi;

/// <summary>
/// Authenticates every gRPC call before its method runs, with the same <see cref="CallerAuthenticator"/> as
/// the HTTP API (X509-SVID from the handshake, or a JWT-SVID bearer token when enabled). It runs after
/// routing, for every request routing matched: the only endpoints of the API port are gRPC methods (Dapr's,
/// reflection, and gRPC's own answer for unknown methods), so no gRPC request reaches a method without a
/// caller. A call without a valid identity is answered <c>Unauthenticated</c> with the reason, in a
/// trailers-only response, and its body is never read. Everything else goes on to the HTTP router.
/// </summary>
internal sealed class GrpcAuthentication(CallerAuthenticator authenticator)
{
    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (context.GetEndpoint() is null)
        {
            return next();
        }

        if (authenticator.Authenticate(context, out var message) is { } caller)
        {
            GrpcCallers.Set(context, caller);
            return next();
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = "16";
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
