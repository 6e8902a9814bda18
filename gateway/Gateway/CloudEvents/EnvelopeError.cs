namespace Gateway.CloudEvents;

/// <summary>A failed envelope construction: what kind of failure, and a message fit for the publisher.</summary>
internal sealed record EnvelopeError(EnvelopeErrorKind Kind, string Message);
