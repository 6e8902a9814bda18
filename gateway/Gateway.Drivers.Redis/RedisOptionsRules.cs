using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Redis;

/// <summary>The checks of <see cref="RedisOptionsParser"/> that need several keys: topology, addresses, TLS pairs, timings.</summary>
internal static class RedisOptionsRules
{
    public static void Check(RedisOptions options, MetadataReading reading, bool clusterAndFailover)
    {
        CheckAddresses(options, reading);
        CheckTopology(options, reading, clusterAndFailover);
        CheckTls(options, reading);
        if (options.PublishReplicaAcks > 0 && options.PublishReplicaAckTimeout >= options.ReadTimeout)
        {
            var key = reading.Written(RedisOptions.PublishReplicaAckTimeoutKey);
            reading.Error(key, $"metadata '{key}' ({GoDuration.Format(options.PublishReplicaAckTimeout)}) must be shorter than 'readTimeout' ({GoDuration.Format(options.ReadTimeout)}): the wait holds the connection that every publish shares.");
        }

        if (options.RedisMinRetryInterval > options.RedisMaxRetryInterval)
        {
            var key = reading.Written(RedisOptions.RedisMinRetryIntervalKey);
            reading.Error(key, $"metadata '{key}' must not be longer than 'redisMaxRetryInterval' ({GoDuration.Format(options.RedisMaxRetryInterval)}).");
        }
    }

    private static void CheckAddresses(RedisOptions options, MetadataReading reading)
    {
        reading.Require(RedisOptions.RedisHostKey, "the 'host:port' of the Redis server");
        if (!reading.Has(RedisOptions.RedisHostKey))
        {
            return;
        }

        var key = reading.Written(RedisOptions.RedisHostKey);
        var addresses = RedisAddress.ParseList(options.RedisHost, options.RedisPort);
        if (addresses is null)
        {
            var port = options.RedisPort == 0 ? "" : $", each with no port or port {options.RedisPort} as 'redisPort' says";
            reading.Error(key, MetadataMessages.Unrecognised(key, $"'host:port' addresses separated by commas (ports from 1 to 65535, 6379 when left out{port})", options.RedisHost, isSecret: false));
        }
        else if (addresses.Count > 1 && options.Topology == RedisTopology.Node)
        {
            reading.Error(key, $"metadata '{key}' lists {addresses.Count} addresses, but a single server takes one: set 'redisType' to 'cluster' for a Redis Cluster, or 'failover' to 'true' for sentinels.");
        }
    }

    private static void CheckTopology(RedisOptions options, MetadataReading reading, bool clusterAndFailover)
    {
        if (options.Topology == RedisTopology.Sentinel)
        {
            if (options.SentinelMasterName.Length == 0)
            {
                reading.Error(RedisOptions.SentinelMasterNameKey, MetadataMessages.Required(RedisOptions.SentinelMasterNameKey, "'failover' is true, so name the primary the sentinels monitor"));
            }

            if (clusterAndFailover)
            {
                reading.Warning(RedisOptions.RedisTypeKey, $"metadata '{reading.Written(RedisOptions.RedisTypeKey)}' is 'cluster' with 'failover' true: the gateway reads and writes through the primary the sentinels name (Dapr's failover cluster client would also read from replicas).");
            }
        }
        else
        {
            foreach (var name in new[] { RedisOptions.SentinelMasterNameKey, RedisOptions.SentinelUsernameKey, RedisOptions.SentinelPasswordKey })
            {
                if (reading.Has(name))
                {
                    reading.Warning(name, $"metadata '{reading.Written(name)}' has no effect unless 'failover' is true.");
                }
            }
        }

        if (options.Topology == RedisTopology.Cluster && options.RedisDb != 0)
        {
            reading.Warning(RedisOptions.RedisDbKey, $"metadata '{reading.Written(RedisOptions.RedisDbKey)}' is ignored in a cluster, which has only database 0 (as in Dapr).");
            options.RedisDb = 0;
        }
    }

    private static void CheckTls(RedisOptions options, MetadataReading reading)
    {
        var (hasCert, hasKey) = (options.ClientCert.Trim().Length > 0, options.ClientKey.Trim().Length > 0);
        if (hasCert != hasKey)
        {
            var (set, missing) = hasCert ? (RedisOptions.ClientCertKey, RedisOptions.ClientKeyKey) : (RedisOptions.ClientKeyKey, RedisOptions.ClientCertKey);
            reading.Error(set, $"metadata '{reading.Written(set)}' is set but '{missing}' is not; set both or neither.");
        }
        else if (hasCert && RedisTlsMaterial.ReadClientCertificate(options.ClientCert, options.ClientKey) is null)
        {
            var key = reading.Written(RedisOptions.ClientKeyKey);
            reading.Error(key, MetadataMessages.Unrecognised(key, "a PEM private key that matches the PEM certificate in 'clientCert'", string.Empty, isSecret: true));
        }
    }
}
