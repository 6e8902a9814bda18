namespace Gateway.Resiliency;

/// <summary>
/// An attempt refused by an open (or fully busy half-open) circuit breaker. It is never retried:
/// an open breaker ends the whole operation at once.
/// </summary>
internal sealed class CircuitOpenException(string message) : Exception(message);
