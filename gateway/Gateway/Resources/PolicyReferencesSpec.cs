namespace Gateway.Resources;

/// <summary>The policy names one direction of a target uses; each is null when not set.</summary>
/// <param name="Timeout">A key of <see cref="ResiliencySpec.Timeouts"/>.</param>
/// <param name="Retry">A key of <see cref="ResiliencySpec.Retries"/>.</param>
/// <param name="CircuitBreaker">A key of <see cref="ResiliencySpec.CircuitBreakers"/>.</param>
internal sealed record PolicyReferencesSpec(string? Timeout, string? Retry, string? CircuitBreaker);
