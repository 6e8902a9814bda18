using System.Diagnostics.CodeAnalysis;

namespace Gateway.Identity.Jwt;

/// <summary>The outcome of <see cref="JwtSvidValidator"/>: the verified SPIFFE ID, or why it was refused.</summary>
internal sealed class JwtSvidValidationResult
{
    private JwtSvidValidationResult(SpiffeId? spiffeId, JwtSvidFailureReason reason, string message)
    {
        SpiffeId = spiffeId;
        Reason = reason;
        Message = message;
    }

    /// <summary>True when the token is a valid JWT-SVID for one of the gateway's audiences.</summary>
    [MemberNotNullWhen(true, nameof(SpiffeId))]
    public bool IsValid => Reason == JwtSvidFailureReason.None;

    /// <summary>The subject; set when valid and on refusals found after <c>sub</c> was parsed.</summary>
    public SpiffeId? SpiffeId { get; }

    /// <summary><see cref="JwtSvidFailureReason.None"/> when valid.</summary>
    public JwtSvidFailureReason Reason { get; }

    /// <summary>A one-line explanation; empty when valid. Never contains the token.</summary>
    public string Message { get; }

    public static JwtSvidValidationResult Accepted(SpiffeId id) => new(id, JwtSvidFailureReason.None, string.Empty);

    public static JwtSvidValidationResult Refused(JwtSvidFailureReason reason, string message, SpiffeId? id = null) =>
        new(id, reason, message);

    public override string ToString() => IsValid ? $"accepted {SpiffeId}" : $"refused ({Reason}): {Message}";
}
