namespace Gateway.Authentication;

/// <summary>The authenticated caller of the current request.</summary>
internal sealed record CallerFeature(Caller Caller);
