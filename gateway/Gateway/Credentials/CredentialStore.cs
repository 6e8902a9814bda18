namespace Gateway.Credentials;

/// <summary>
/// Holds the current <see cref="GatewayCredentials"/> and their <see cref="CredentialStatus"/>; readers
/// always see one whole set. TLS handshakes and outbound clients read <see cref="Current"/> each time.
/// </summary>
internal sealed class CredentialStore(GatewayCredentials initial, DateTimeOffset? loadedAt = null)
{
    private GatewayCredentials _current = initial;
    private CredentialStatus _status = new(loadedAt ?? DateTimeOffset.UtcNow);

    public GatewayCredentials Current => Volatile.Read(ref _current);

    /// <summary>When the current set was loaded and whether newer files were refused.</summary>
    public CredentialStatus Status => Volatile.Read(ref _status);

    /// <summary>Replaces the set; connections already open keep the one they were made with.</summary>
    public void Replace(GatewayCredentials credentials) => Replace(credentials, DateTimeOffset.UtcNow);

    /// <summary>Replaces the set and records the reload time; clears any earlier error.</summary>
    public void Replace(GatewayCredentials credentials, DateTimeOffset at)
    {
        Volatile.Write(ref _current, credentials);
        Volatile.Write(ref _status, new CredentialStatus(at));
    }

    /// <summary>Records that newer files could not be used; the current set stays.</summary>
    public void RecordFailure(string error, DateTimeOffset at) =>
        Volatile.Write(ref _status, Status with { LastError = error, LastErrorAt = at });
}
