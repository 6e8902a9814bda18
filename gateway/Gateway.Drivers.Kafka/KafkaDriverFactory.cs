namespace Gateway.Drivers.Kafka;

/// <summary>
/// Creates <c>pubsub.kafka</c> drivers (Confluent.Kafka with its bundled librdkafka).
/// </summary>
public sealed class KafkaDriverFactory : IPubSubDriverFactory
{
    /// <inheritdoc />
    public string ComponentType => KafkaMetadataSchema.ComponentType;

    /// <summary>
    /// Checks every key of <see cref="KafkaMetadataSchema"/>, names unknown keys, ignores the
    /// gateway's own keys (<see cref="RuntimeMetadataKeys.All"/>). Connects nowhere; never throws.
    /// </summary>
    public IReadOnlyList<MetadataProblem> Validate(IReadOnlyDictionary<string, string> metadata)
    {
        KafkaOptionsParser.Parse(metadata ?? new Dictionary<string, string>(), out var problems);
        return problems;
    }

    /// <summary>
    /// Creates a driver. Metadata that fails <see cref="Validate"/> throws a terminal
    /// <see cref="DriverException"/> naming the component and every bad key. The producer connects
    /// lazily, so an unreachable cluster shows in publishes and the health check, not here.
    /// </summary>
    public IPubSubDriver Create(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = KafkaOptionsParser.Parse(context.Metadata, out var problems);
        if (problems.Any(p => p.IsError))
        {
            throw new DriverException(KafkaMessages.InvalidMetadata(context.ComponentName, problems), isTransient: false);
        }

        return new KafkaDriver(context, options);
    }
}
