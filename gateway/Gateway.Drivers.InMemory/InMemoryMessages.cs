using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.InMemory;

/// <summary>Every message this driver shows to people, built in one place so they share one shape.</summary>
internal static class InMemoryMessages
{
    public static string ForComponent(string componentName, string message) =>
        MetadataMessages.ForComponent(componentName, InMemoryMetadataSchema.ComponentType, message);

    public static string InvalidMetadata(string componentName, IEnumerable<MetadataProblem> problems) =>
        MetadataMessages.InvalidMetadata(componentName, InMemoryMetadataSchema.ComponentType, problems);

    public static string Full(string componentName, string topic, int bound) =>
        ForComponent(
            componentName,
            $"topic '{topic}' was not stored: it would take the broker past its bound of {bound} unacknowledged messages " +
            $"(metadata '{InMemoryOptions.MaxPendingMessagesKey}'); retry once subscribers catch up, or raise the bound.");

    public static string Stopped(string componentName) =>
        ForComponent(componentName, "the broker is shutting down, so the message was not stored.");
}
