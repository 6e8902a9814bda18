namespace Gateway.Drivers.Tests.Redis;

/// <summary>How a test's <c>redis-server</c> is started.</summary>
internal sealed record RedisServerOptions
{
    /// <summary>Append-only file with an fsync per write, so a killed server keeps every acknowledged write.</summary>
    public bool AppendOnly { get; init; }

    /// <summary>Sets <c>requirepass</c> (the password of the <c>default</c> user).</summary>
    public string? RequirePassword { get; init; }

    /// <summary>An extra ACL user with every permission; the <c>default</c> user is then disabled unless <see cref="DefaultUserStaysOpen"/>.</summary>
    public (string Name, string Password)? AclUser { get; init; }

    /// <summary>With <see cref="AclUser"/>: the <c>default</c> user stays enabled without a password, as on a server whose ACL only added users.</summary>
    public bool DefaultUserStaysOpen { get; init; }

    /// <summary>Listen with TLS only, requiring a client certificate issued by the same test authority.</summary>
    public RedisTestCertificates? Tls { get; init; }
}
