namespace Gateway.Credentials;

/// <summary>Holds the current <see cref="GatewayCredentials"/>; readers always see one whole set.</summary>
internal sealed class CredentialStore(GatewayCredentials initial)
{
    private GatewayCredentials _current = initial;

    public GatewayCredentials Current => Volatile.Read(ref _current);

    /// <summary>Replaces the set; connections already open keep the one they were made with.</summary>
    public void Replace(GatewayCredentials credentials) => Volatile.Write(ref _current, credentials);
}
