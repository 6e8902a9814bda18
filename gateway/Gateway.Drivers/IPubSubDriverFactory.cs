namespace Gateway.Drivers;

/// <summary>Creates drivers of one component <c>spec.type</c> and checks their metadata.</summary>
public interface IPubSubDriverFactory
{
    /// <summary>The component type this factory serves, such as <c>pubsub.in-memory</c>.</summary>
    string ComponentType { get; }

    /// <summary>
    /// Checks component metadata without connecting anywhere. Returns one problem per bad key,
    /// each naming the key and what to do; empty when the metadata is usable. Keys in
    /// <see cref="RuntimeMetadataKeys.All"/> belong to the gateway and are never reported.
    /// </summary>
    IReadOnlyList<MetadataProblem> Validate(IReadOnlyDictionary<string, string> metadata);

    /// <summary>Creates a driver for a component whose metadata passed <see cref="Validate"/>.</summary>
    IPubSubDriver Create(DriverContext context);
}
