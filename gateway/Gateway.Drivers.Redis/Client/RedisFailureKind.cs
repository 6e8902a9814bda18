namespace Gateway.Drivers.Redis.Client;

/// <summary>Why a command failed, which decides whether trying again later may help.</summary>
internal enum RedisFailureKind
{
    /// <summary>No connection, a broken one, or no reply in time: the command may not have run.</summary>
    Connection,

    /// <summary>The server answered with an error reply (<see cref="RedisCommandFailure.Code"/>).</summary>
    Server,

    /// <summary>The server refused the configured user or password; nothing works until the configuration or the server's ACL changes.</summary>
    CredentialsRefused,

    /// <summary>The entry was stored on the primary, but fewer replicas than <c>publishReplicaAcks</c> confirmed it in time.</summary>
    ReplicasMissing,
}
