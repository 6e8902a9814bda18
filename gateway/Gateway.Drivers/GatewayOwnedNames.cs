namespace Gateway.Drivers;

/// <summary>
/// Broker names the gateway keeps for itself (record stores). Drivers build their own names from these
/// prefixes, and the gateway refuses any app's publish or subscription to a topic that starts with one, so
/// no app can reach, poison or read what the gateway keeps in a broker it shares with the apps.
/// </summary>
public static class GatewayOwnedNames
{
    /// <summary>Prefix of the Redis keys of record stores (<c>gateway:records:&lt;store&gt;</c>).</summary>
    public const string RedisRecordKeyPrefix = "gateway:records:";

    /// <summary>Prefix of the Kafka topics of record stores (<c>gateway.records.&lt;store&gt;</c>).</summary>
    public const string KafkaRecordTopicPrefix = "gateway.records.";

    /// <summary>Every reserved prefix, whatever the driver: a topic of one driver may be a key of another broker's layout.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = [RedisRecordKeyPrefix, KafkaRecordTopicPrefix];

    /// <summary>True when <paramref name="topic"/> lies where the gateway keeps its own records.</summary>
    public static bool IsReserved(string topic) => Prefixes.Any(prefix => topic.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
