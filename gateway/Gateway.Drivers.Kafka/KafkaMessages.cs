using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Kafka;

/// <summary>Every message this driver shows to people, built in one place so they share one shape.</summary>
internal static class KafkaMessages
{
    public static string ForComponent(string componentName, string message) =>
        MetadataMessages.ForComponent(componentName, KafkaMetadataSchema.ComponentType, message);

    public static string InvalidMetadata(string componentName, IEnumerable<MetadataProblem> problems) =>
        MetadataMessages.InvalidMetadata(componentName, KafkaMetadataSchema.ComponentType, problems);

    public static string PublishFailed(string componentName, string topic, string reason) =>
        ForComponent(componentName, $"the brokers did not acknowledge the message for topic '{topic}': {reason}.");

    public static string Stopped(string componentName) =>
        ForComponent(componentName, "the driver is shutting down, so the message was not stored.");

    public static string SubscribeFailed(string componentName, string topic, string group, string reason) =>
        ForComponent(componentName, $"could not join consumer group '{group}' on topic '{topic}': {reason}.");
}
