using System.Diagnostics.CodeAnalysis;

namespace Gateway.CloudEvents;

/// <summary>Outcome of <see cref="DaprEnvelope.Create"/>: the envelope's UTF-8 JSON, or an error.</summary>
internal sealed class EnvelopeResult
{
    private EnvelopeResult(byte[]? bytes, EnvelopeError? error)
    {
        Bytes = bytes;
        Error = error;
    }

    /// <summary>UTF-8 JSON of the envelope; set when <see cref="IsSuccess"/>.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Why no envelope was built; set when not <see cref="IsSuccess"/>.</summary>
    public EnvelopeError? Error { get; }

    [MemberNotNullWhen(true, nameof(Bytes))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static EnvelopeResult Success(byte[] bytes) => new(bytes, null);

    public static EnvelopeResult Failure(EnvelopeErrorKind kind, string message) => new(null, new EnvelopeError(kind, message));

    /// <summary>Success when <paramref name="envelope"/> passes <see cref="CloudEventValidator"/>, else InvalidCloudEvent.</summary>
    public static EnvelopeResult Validated(byte[] envelope)
    {
        var violations = CloudEventValidator.Validate(envelope);
        return violations.Count == 0
            ? Success(envelope)
            : Failure(EnvelopeErrorKind.InvalidCloudEvent, string.Join("; ", violations.Select(v => v.Message)));
    }
}
