namespace Gateway.LoadGen.Servers;

/// <summary>The gateway's three drivers, by the name the command line and the components use.</summary>
internal enum BrokerKind
{
    InMemory,
    Redis,
    Kafka,
}

/// <summary>Names and component types of <see cref="BrokerKind"/>.</summary>
internal static class BrokerKinds
{
    public static string ComponentName(this BrokerKind kind) => kind switch
    {
        BrokerKind.InMemory => "inmemory",
        BrokerKind.Redis => "redis",
        _ => "kafka",
    };

    public static string ComponentType(this BrokerKind kind) => kind switch
    {
        BrokerKind.InMemory => "pubsub.in-memory",
        BrokerKind.Redis => "pubsub.redis",
        _ => "pubsub.kafka",
    };

    public static bool TryParse(string text, out BrokerKind kind)
    {
        foreach (var candidate in Enum.GetValues<BrokerKind>())
        {
            if (string.Equals(candidate.ComponentName(), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ComponentType(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
