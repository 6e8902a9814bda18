namespace Gateway.Routing;

/// <summary>
/// The outcome of evaluating one routing expression against one event: <see cref="Matched"/>
/// when it yielded true; <see cref="Error"/> (and not matched) when evaluation failed or the
/// result was not a bool. Dapr treats an error as a routing failure (dead letter or NACK).
/// </summary>
internal readonly record struct RouteEvaluation(bool Matched, string? Error);
