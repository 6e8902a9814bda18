using Gateway.Identity;
using Gateway.Telemetry;
using Microsoft.AspNetCore.Connections.Features;

namespace Gateway.Authentication;

/// <summary>
/// Turns the handshake's verdict (or, when enabled and there is no valid client certificate, a JWT-SVID
/// bearer token) into a <see cref="Caller"/> for the request, or answers 401 with the reason. A valid
/// client certificate always wins: a bearer token next to it is not looked at. Health endpoints are
/// answered without credentials, as orchestrators probe them bare.
/// </summary>
internal sealed partial class CallerAuthenticationMiddleware(
    RequestDelegate next, GatewayMetrics metrics, IdShapes idShapes, JwtSvidAuthenticator jwtSvids, ILogger<CallerAuthenticationMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/v1.0/healthz", StringComparison.Ordinal))
        {
            return next(context);
        }

        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        var validation = items is not null && items.TryGetValue(PeerValidation.ConnectionItemKey, out var value) ? value as PeerValidation : null;
        if (validation?.Result is { IsValid: true } certificate)
        {
            return Admit(context, certificate.SpiffeId, "client certificate refused");
        }

        if (jwtSvids.Enabled && BearerToken.TryRead(context.Request.Headers.Authorization, out var token, out var headerProblem))
        {
            if (headerProblem is not null)
            {
                return RefuseAsync(context, "JwtMalformed", $"JWT-SVID refused: {headerProblem}");
            }

            var result = jwtSvids.Validate(token);
            return result.IsValid
                ? Admit(context, result.SpiffeId, "JWT-SVID refused")
                : RefuseAsync(context, "Jwt" + result.Reason, $"JWT-SVID refused: {result.Message}");
        }

        if (validation?.Result is null)
        {
            return RefuseAsync(context, "NoCertificate", jwtSvids.Enabled
                ? "a client certificate (X509-SVID) or an 'Authorization: Bearer' JWT-SVID is required"
                : "a client certificate (X509-SVID) is required");
        }

        return RefuseAsync(context, validation.Result.Reason.ToString(), $"client certificate refused: {validation.Result.Message}");
    }

    private Task Admit(HttpContext context, SpiffeId id, string refusalPrefix)
    {
        if (!idShapes.TryMap(id, out var identity, out var reason))
        {
            return RefuseAsync(context, "UnmappedId", $"{refusalPrefix}: SPIFFE ID '{id}' {reason}");
        }

        context.Features.Set(new CallerFeature(new Caller(id.ToString(), identity.TrustDomain, identity.Namespace, identity.AppId)));
        return next(context);
    }

    private async Task RefuseAsync(HttpContext context, string reason, string message)
    {
        metrics.AuthenticationFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        LogRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?", reason, message);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsJsonAsync(new UnauthenticatedBody("ERR_UNAUTHENTICATED", message), AuthenticationJsonContext.Default.UnauthenticatedBody);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Refused caller {RemoteAddress} ({Reason}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string remoteAddress, string reason, string detail);
}
