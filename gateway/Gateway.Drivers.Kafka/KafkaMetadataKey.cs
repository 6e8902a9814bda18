namespace Gateway.Drivers.Kafka;

/// <summary>One documented metadata key of <c>pubsub.kafka</c>.</summary>
/// <param name="Name">The key as documented (matching is case-insensitive).</param>
/// <param name="DefaultValue">The value used when the key is absent, written as in YAML; empty when there is none.</param>
/// <param name="Description">What the key means and what values it takes.</param>
/// <param name="IsSecret">True when the value must never appear in messages or logs.</param>
public sealed record KafkaMetadataKey(string Name, string DefaultValue, string Description, bool IsSecret = false);
