using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>Every message this driver shows to people, built in one place so they share one shape.</summary>
internal static class RedisMessages
{
    private static string KnownKeys => string.Join(", ", RedisMetadataSchema.Keys.Select(k => $"'{k.Name}'"));

    public static string Unrecognised(string key, string requirement, string value) =>
        $"metadata '{key}' requires {requirement}; the value '{value}' is not recognised.";

    public static string UnrecognisedSecret(string key, string requirement) =>
        $"metadata '{key}' requires {requirement}; the value (not shown, it is a secret) is not recognised.";

    public static string Required(string key, string requirement) =>
        $"metadata '{key}' is required: {requirement}.";

    public static string NeedsPartner(string key, string partner) =>
        $"metadata '{key}' is set but '{partner}' is not; set both or neither.";

    public static string UnknownKey(string key) =>
        $"metadata '{key}' is not a {RedisMetadataSchema.ComponentType} setting; the known keys are {KnownKeys}.";

    public static string RepeatedKey(string key, string firstSpelling) =>
        $"metadata '{key}' repeats '{firstSpelling}' (keys are compared case-insensitively); keep one of them.";

    public static string ForComponent(string componentName, string message) =>
        $"component '{componentName}' ({RedisMetadataSchema.ComponentType}): {message}";

    public static string InvalidMetadata(string componentName, IEnumerable<MetadataProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => ForComponent(componentName, p.Message)));

    public static string NotStored(string componentName, string topic, RedisException failure) =>
        ForComponent(componentName, $"topic '{topic}' was not stored: {failure.Message}");

    public static string NotSubscribed(string componentName, string topic, string group, RedisException failure) =>
        ForComponent(componentName, $"cannot consume topic '{topic}' as consumer group '{group}': {failure.Message}");

    public static string Stopped(string componentName) =>
        ForComponent(componentName, "the driver is shutting down.");
}
