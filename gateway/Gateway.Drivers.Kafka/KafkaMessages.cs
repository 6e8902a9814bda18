namespace Gateway.Drivers.Kafka;

/// <summary>Every message this driver shows to people, built in one place so they share one shape.</summary>
internal static class KafkaMessages
{
    private static string KnownKeys => string.Join(", ", KafkaMetadataSchema.Keys.Select(k => $"'{k.Name}'"));

    public static string Unrecognised(string key, string requirement, string value) =>
        $"metadata '{key}' must be {requirement}; the value '{value}' is not recognised.";

    public static string UnrecognisedSecret(string key, string requirement) =>
        $"metadata '{key}' must be {requirement}; the value given is not (it is a secret, so it is not shown).";

    public static string UnknownKey(string key) =>
        $"metadata '{key}' is not a {KafkaMetadataSchema.ComponentType} setting; the known keys are {KnownKeys}.";

    public static string RepeatedKey(string key, string firstSpelling) =>
        $"metadata '{key}' repeats '{firstSpelling}' (keys are compared case-insensitively); keep one of them.";

    public static string Required(string key, string why) => $"metadata '{key}' is required {why}.";

    public static string AcksNotAll(string value) =>
        $"metadata '{KafkaMetadataSchema.ProducerRequiredAcks}' must be 'all'; the value '{value}' is not accepted, because the gateway " +
        "answers a publish with 204 only once every in-sync replica has the record.";

    public static string ForComponent(string componentName, string message) =>
        $"component '{componentName}' ({KafkaMetadataSchema.ComponentType}): {message}";

    public static string InvalidMetadata(string componentName, IEnumerable<MetadataProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => ForComponent(componentName, p.Message)));

    public static string PublishFailed(string componentName, string topic, string reason) =>
        ForComponent(componentName, $"the brokers did not acknowledge the message for topic '{topic}': {reason}.");

    public static string Stopped(string componentName) =>
        ForComponent(componentName, "the driver is shutting down, so the message was not stored.");

    public static string SubscribeFailed(string componentName, string topic, string group, string reason) =>
        ForComponent(componentName, $"could not join consumer group '{group}' on topic '{topic}': {reason}.");
}
