using System.Security.Cryptography.X509Certificates;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>Everything needed to open and prepare one connection. <see cref="ToString"/> leaves out the password.</summary>
internal sealed class RedisConnectionSettings
{
    public required RedisEndpoint Endpoint { get; init; }

    /// <summary>ACL user; null or empty authenticates as <c>default</c> when a password is set.</summary>
    public string? Username { get; init; }

    /// <summary>Null or empty means no authentication.</summary>
    public string? Password { get; init; }

    /// <summary>Selected with <c>SELECT</c> after authentication when not 0.</summary>
    public int Database { get; init; }

    public bool UseTls { get; init; }

    /// <summary>Accept any server certificate. For development only.</summary>
    public bool SkipTlsVerification { get; init; }

    /// <summary>Presented to the server when it asks for one (mutual TLS).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>When set, the server certificate must chain to one of these instead of the system roots.</summary>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a reply may take; a connection that misses it is closed as broken.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public override string ToString() =>
        $"{Endpoint} db {Database}{(UseTls ? " tls" : "")}{(string.IsNullOrEmpty(Username) ? "" : $" user {Username}")}{(string.IsNullOrEmpty(Password) ? "" : " with password")}";
}
