using System.Collections.Concurrent;
using Gateway.Drivers;
using Gateway.Identity;
using Gateway.Telemetry;
using Microsoft.AspNetCore.Connections.Features;

namespace Gateway.Authentication;

/// <summary>
/// Turns the handshake's verdict (or, when enabled and there is no valid client certificate, a JWT-SVID
/// bearer token) into a <see cref="Caller"/>, or answers 401 with the reason. A valid client certificate
/// always wins: a bearer token next to it is not looked at. The API router asks for every request except
/// the exact health paths, on the same normalised path it routes by; the gRPC front door asks for every call.
/// </summary>
internal sealed partial class CallerAuthenticator(
    GatewayMetrics metrics, IdShapes idShapes, JwtSvidAuthenticator jwtSvids, TimeProvider timeProvider, ILogger<CallerAuthenticator> logger)
{
    // Anyone who can open a TLS connection can be refused, as often as they like: refusals are logged as runs per
    // reason (the first whole, then a count per period), never one line each. The reasons are a fixed set.
    private readonly ConcurrentDictionary<string, FailureRun> _refusals = new(StringComparer.Ordinal);

    /// <summary>The caller of <paramref name="context"/>; null after answering 401 with the reason.</summary>
    public async ValueTask<Caller?> AuthenticateAsync(HttpContext context)
    {
        if (Authenticate(context, out var message) is { } caller)
        {
            return caller;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsJsonAsync(new UnauthenticatedBody("ERR_UNAUTHENTICATED", message), AuthenticationJsonContext.Default.UnauthenticatedBody);
        return null;
    }

    /// <summary>
    /// The caller of <paramref name="context"/>; null when it has none, with the reason in <paramref name="message"/>,
    /// counted and logged. The front door answers (HTTP 401, gRPC <c>Unauthenticated</c>).
    /// </summary>
    public Caller? Authenticate(HttpContext context, out string message)
    {
        (var caller, var reason, message) = Identify(context);
        if (caller is null)
        {
            metrics.AuthenticationFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
            var remote = context.Connection.RemoteIpAddress?.ToString() ?? "?";
            var note = _refusals.GetOrAdd(reason, _ => new FailureRun(timeProvider, FailureRun.DefaultPeriod)).Failed();
            if (note.Kind == FailureNoteKind.First)
            {
                LogRefused(logger, remote, reason, message);
            }
            else if (note.Kind == FailureNoteKind.Summary)
            {
                LogStillRefused(logger, note.Count, reason, (int)FailureRun.DefaultPeriod.TotalSeconds, remote, message);
            }
        }

        return caller;
    }

    /// <summary>The caller when the request carries valid credentials; null otherwise, without answering (for endpoints open to all).</summary>
    public Caller? TryIdentify(HttpContext context) => Identify(context).Caller;

    private Identification Identify(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        var validation = items is not null && items.TryGetValue(PeerValidation.ConnectionItemKey, out var value) ? value as PeerValidation : null;
        if (validation?.Result is { IsValid: true } certificate)
        {
            return validation.Identified ??= Map(certificate.SpiffeId, "client certificate refused");
        }

        if (jwtSvids.Enabled && BearerToken.TryRead(context.Request.Headers.Authorization, out var token, out var headerProblem))
        {
            if (headerProblem is not null)
            {
                return new(null, "JwtMalformed", $"JWT-SVID refused: {headerProblem}");
            }

            var result = jwtSvids.Validate(token);
            return result.IsValid
                ? Map(result.SpiffeId, "JWT-SVID refused")
                : new(null, "Jwt" + result.Reason, $"JWT-SVID refused: {result.Message}");
        }

        if (validation?.Result is null)
        {
            return new(null, "NoCertificate", jwtSvids.Enabled
                ? "a client certificate (X509-SVID) or an 'Authorization: Bearer' JWT-SVID is required"
                : "a client certificate (X509-SVID) is required");
        }

        return new(null, validation.Result.Reason.ToString(), $"client certificate refused: {validation.Result.Message}");
    }

    private Identification Map(SpiffeId id, string refusalPrefix) =>
        idShapes.TryMap(id, out var identity, out var reason)
            ? new(new Caller(id.ToString(), identity.TrustDomain, identity.Namespace, identity.AppId), "", "")
            : new(null, "UnmappedId", $"{refusalPrefix}: SPIFFE ID '{id}' {reason}");

    /// <summary>The caller, or why there is none: the reason (a fixed set, the metric's tag) and the message for the caller.</summary>
    internal sealed record Identification(Caller? Caller, string Reason, string Message);

    [LoggerMessage(EventId = EventIds.CallerAuthenticator.StillRefused, Level = LogLevel.Warning,
        Message = "{Count} more callers refused ({Reason}) since the last line, at most one line per {Seconds} s; the last from {RemoteAddress}: {Detail}")]
    private static partial void LogStillRefused(ILogger logger, int count, string reason, int seconds, string remoteAddress, string detail);

    [LoggerMessage(EventId = EventIds.CallerAuthenticator.Refused, Level = LogLevel.Warning, Message = "Refused caller {RemoteAddress} ({Reason}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string remoteAddress, string reason, string detail);
}
