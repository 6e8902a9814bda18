namespace Gateway.Credentials;

/// <summary>How the credential files have been doing; for health and metadata reporting.</summary>
/// <param name="LoadedAt">When the current set was loaded (at start or by the last successful reload).</param>
/// <param name="LastError">Why the newest files could not be used, or null when the current set is the newest.</param>
/// <param name="LastErrorAt">When <paramref name="LastError"/> was seen last.</param>
internal sealed record CredentialStatus(DateTimeOffset LoadedAt, string? LastError = null, DateTimeOffset? LastErrorAt = null);
