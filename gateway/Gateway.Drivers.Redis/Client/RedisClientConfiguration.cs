using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// StackExchange.Redis settings from <see cref="RedisOptions"/>: one place decides endpoints, topology,
/// credentials, TLS and timeouts for the shared connection and for every subscription's reader.
/// </summary>
internal static class RedisClientConfiguration
{
    /// <summary>Commands a reader never sends: it needs no pub/sub connection and must not go looking for other nodes.</summary>
    private static readonly CommandMap ReaderCommands = CommandMap.Create(["SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "CLUSTER"], available: false);

    /// <summary>How much longer than its block time a reader's command may take before it counts as lost.</summary>
    private static readonly TimeSpan ReaderMargin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a reader's client looks at its connection (StackExchange.Redis's heartbeat, 1 s by default): it finds a
    /// read past its timeout at most this much later. A reader (a shared lane, or a Cluster subscription's own) has one
    /// command in flight, blocked, and is never idle long enough to need a keep-alive. At the 1 s default the 16 lanes
    /// of 1,000 subscriptions woke the process 16 times a second (the shared connection keeps 1 s); 5 s took about 30 %
    /// off its idle CPU (docs/benchmarks.md, "Idle subscriptions").
    /// </summary>
    private static readonly TimeSpan ReaderHeartbeat = TimeSpan.FromSeconds(5);

    public static ConfigurationOptions Shared(RedisOptions options)
    {
        var configuration = new ConfigurationOptions
        {
            // Keep trying in the background; commands fail (5xx) until a connection is there.
            AbortOnConnectFail = false,
            ConnectTimeout = Milliseconds(options.DialTimeout),
            AsyncTimeout = Milliseconds(options.ReadTimeout),
            SyncTimeout = Milliseconds(options.ReadTimeout),
            ConnectRetry = 1,
            ReconnectRetryPolicy = new ExponentialRetry(Milliseconds(options.RedisMinRetryInterval), Milliseconds(options.RedisMaxRetryInterval)),
            User = Empty(options.RedisUsername),
            Password = Empty(options.RedisPassword),
            ClientName = "gateway",
            // No tie-breaker key and no configuration channel: the gateway's ACL user needs no rights beyond its streams.
            TieBreaker = string.Empty,
            ConfigurationChannel = string.Empty,
            // StackExchange.Redis counts CLIENT UNBLOCK (waking a shared blocking read, SharedStreamReads) among admin
            // commands and refuses it without this; the gateway sends no other admin command, and the server's ACL
            // still decides what the user may do.
            AllowAdmin = true,
        };
        foreach (var address in RedisAddress.ParseList(options.RedisHost, options.RedisPort) ?? [])
        {
            configuration.EndPoints.Add(address.Host, address.Port);
        }

        switch (options.Topology)
        {
            case RedisTopology.Sentinel:
                configuration.ServiceName = options.SentinelMasterName;
                configuration.SentinelUser = Empty(options.SentinelUsername);
                configuration.SentinelPassword = Empty(options.SentinelPassword);
                configuration.DefaultDatabase = options.RedisDb;
                break;
            case RedisTopology.Node:
                configuration.DefaultDatabase = options.RedisDb;
                break;
        }

        if (options.EnableTls)
        {
            configuration.Ssl = true;
            var authorities = options.CaCert.Length > 0 ? RedisTlsMaterial.ReadAuthorities(options.CaCert) : null;
            var client = options.ClientCert.Length > 0 ? RedisTlsMaterial.ReadClientCertificate(options.ClientCert, options.ClientKey) : null;
            configuration.SslClientAuthenticationOptions = host => new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificates = client is null ? null : [client],
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(options.InsecureSkipTlsVerify, authorities, certificate, errors),
            };
        }

        return configuration;
    }

    /// <summary>A reader bound to <paramref name="endpoint"/> alone, with room for blocks of up to <paramref name="longestBlock"/>.</summary>
    public static ConfigurationOptions Reader(ConfigurationOptions shared, EndPoint endpoint, TimeSpan longestBlock)
    {
        var configuration = shared.Clone();
        configuration.EndPoints.Clear();
        configuration.EndPoints.Add(endpoint);
        configuration.ServiceName = null;
        configuration.CommandMap = ReaderCommands;
        configuration.AsyncTimeout = configuration.AsyncTimeout + Milliseconds(longestBlock + ReaderMargin);
        configuration.HeartbeatInterval = ReaderHeartbeat;
        // A reader serves one server for as long as that server owns its streams, and only the shared connection (which
        // follows Sentinel and Cluster) knows when that ends. So a reader never connects on its own: not failing to
        // connect, not coming back after its connection dropped, not queueing commands meanwhile. Each of those fails
        // at once, and its owner binds a new reader to whoever owns the streams now. A reader that reconnected by
        // itself went back to the old address: after a failover, to a dead primary (its read waited there until the
        // next attempt failed) or to whatever listens there by then, a demoted primary or another server altogether.
        configuration.AbortOnConnectFail = true;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = NeverReconnect.Instance;
        return configuration;
    }

    private static bool IsTrusted(bool skipVerification, X509Certificate2Collection? authorities, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (skipVerification)
        {
            return true;
        }

        if (authorities is not { Count: > 0 } || certificate is null)
        {
            return errors == SslPolicyErrors.None;
        }

        // With our own authorities only the chain is judged again; a wrong host name still fails.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static int Milliseconds(TimeSpan duration) => (int)Math.Clamp(Math.Ceiling(duration.TotalMilliseconds), 0, int.MaxValue);

    /// <summary>A client that does not reconnect by itself: see <see cref="Reader"/>.</summary>
    private sealed class NeverReconnect : IReconnectRetryPolicy
    {
        public static readonly NeverReconnect Instance = new();

        public bool ShouldRetry(long currentRetryCount, int timeElapsedMillisecondsSinceLastRetry) => false;
    }
}
