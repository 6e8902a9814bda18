namespace Gateway.Drivers.InMemory;

/// <summary>Every message this driver shows to people, built in one place so they share one shape.</summary>
internal static class InMemoryMessages
{
    private static string KnownKeys => string.Join(", ", InMemoryMetadataSchema.Keys.Select(k => $"'{k.Name}'"));

    public static string Unrecognised(string key, string requirement, string value) =>
        $"metadata '{key}' requires {requirement}; the value '{value}' is not recognised.";

    public static string UnknownKey(string key) =>
        $"metadata '{key}' is not a {InMemoryMetadataSchema.ComponentType} setting; the known keys are {KnownKeys}.";

    public static string RepeatedKey(string key, string firstSpelling) =>
        $"metadata '{key}' repeats '{firstSpelling}' (keys are compared case-insensitively); keep one of them.";

    public static string ForComponent(string componentName, string message) =>
        $"component '{componentName}' ({InMemoryMetadataSchema.ComponentType}): {message}";

    public static string InvalidMetadata(string componentName, IEnumerable<MetadataProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => ForComponent(componentName, p.Message)));

    public static string Full(string componentName, string topic, int bound) =>
        ForComponent(
            componentName,
            $"topic '{topic}' was not stored: it would take the broker past its bound of {bound} unacknowledged messages " +
            $"(metadata '{InMemoryOptions.MaxPendingMessagesKey}'); retry once subscribers catch up, or raise the bound.");

    public static string Stopped(string componentName) =>
        ForComponent(componentName, "the broker is shutting down, so the message was not stored.");
}
