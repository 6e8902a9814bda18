using Gateway.Drivers.MetadataParsing;
using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Redis;

/// <summary>Every message this driver shows to people, built in one place so they share one shape.</summary>
internal static class RedisMessages
{
    public static string ForComponent(string componentName, string message) =>
        MetadataMessages.ForComponent(componentName, RedisMetadataSchema.ComponentType, message);

    public static string InvalidMetadata(string componentName, IEnumerable<MetadataProblem> problems) =>
        MetadataMessages.InvalidMetadata(componentName, RedisMetadataSchema.ComponentType, problems);

    public static string NotStored(string componentName, string topic, RedisCommandFailure failure) =>
        ForComponent(componentName, $"topic '{topic}' was not stored: {failure.Message}");

    public static string NotSubscribed(string componentName, string topic, string group, RedisCommandFailure failure) =>
        ForComponent(componentName, $"cannot consume topic '{topic}' as consumer group '{group}': {failure.Message}");

    public static string Stopped(string componentName) =>
        ForComponent(componentName, "the driver is shutting down.");
}
