namespace Gateway.Credentials;

/// <summary>How the credential source has been doing; for health and metadata reporting.</summary>
/// <param name="LoadedAt">When the current set was loaded (at start or by the last successful reload).</param>
/// <param name="LastError">Why newer credentials could not be had (files refused, agent away), or null when the current set is the newest.</param>
/// <param name="LastErrorAt">When <paramref name="LastError"/> was seen last.</param>
/// <param name="FailingSince">When the problems that still last began, or null.</param>
internal sealed record CredentialStatus(DateTimeOffset LoadedAt, string? LastError = null, DateTimeOffset? LastErrorAt = null, DateTimeOffset? FailingSince = null);
