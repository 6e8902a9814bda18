namespace Gateway.Drivers.InMemory;

/// <summary>
/// Creates <c>pubsub.in-memory</c> drivers: the embedded default broker, with the at-least-once
/// semantics of the real drivers within one process and nothing kept across restarts.
/// </summary>
public sealed class InMemoryDriverFactory : IPubSubDriverFactory
{
    /// <inheritdoc />
    public string ComponentType => InMemoryMetadataSchema.ComponentType;

    /// <summary>
    /// Checks <c>maxPendingMessages</c> and <c>redeliveryDelay</c> (bad values are errors), warns about
    /// unknown keys naming the nearest known one, ignores the gateway's own keys
    /// (<see cref="RuntimeMetadataKeys.All"/>). Never throws.
    /// </summary>
    public IReadOnlyList<MetadataProblem> Validate(IReadOnlyDictionary<string, string> metadata)
    {
        InMemoryOptionsParser.Parse(metadata ?? new Dictionary<string, string>(), out var problems);
        return problems;
    }

    /// <summary>
    /// Creates a driver. Metadata with an error from <see cref="Validate"/> throws a terminal
    /// <see cref="DriverException"/> naming the component and every bad key.
    /// </summary>
    public IPubSubDriver Create(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = InMemoryOptionsParser.Parse(context.Metadata, out var problems);
        if (problems.Any(p => p.IsError))
        {
            throw new DriverException(InMemoryMessages.InvalidMetadata(context.ComponentName, problems), isTransient: false);
        }

        return new InMemoryDriver(context, options);
    }
}
