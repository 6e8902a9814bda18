using System.Diagnostics.CodeAnalysis;

namespace Gateway.Identity;

/// <summary>The outcome of <see cref="X509SvidValidator"/>: the verified SPIFFE ID, or why it was refused.</summary>
internal sealed class SvidValidationResult
{
    private SvidValidationResult(SpiffeId? spiffeId, SvidFailureReason reason, string message)
    {
        SpiffeId = spiffeId;
        Reason = reason;
        Message = message;
    }

    /// <summary>True when the certificate is a valid X509-SVID trusted by its trust domain's bundle.</summary>
    [MemberNotNullWhen(true, nameof(SpiffeId))]
    public bool IsValid => Reason == SvidFailureReason.None;

    /// <summary>
    /// The leaf's SPIFFE ID: always set when valid; also set on a refusal found after the ID was read
    /// (so logs can say who was refused), null before that.
    /// </summary>
    public SpiffeId? SpiffeId { get; }

    /// <summary><see cref="SvidFailureReason.None"/> when valid.</summary>
    public SvidFailureReason Reason { get; }

    /// <summary>A one-line human explanation; empty when valid.</summary>
    public string Message { get; }

    public static SvidValidationResult Accepted(SpiffeId id) => new(id, SvidFailureReason.None, string.Empty);

    public static SvidValidationResult Refused(SvidFailureReason reason, string message, SpiffeId? id = null) =>
        new(id, reason, message);

    public override string ToString() => IsValid ? $"accepted {SpiffeId}" : $"refused ({Reason}): {Message}";
}
