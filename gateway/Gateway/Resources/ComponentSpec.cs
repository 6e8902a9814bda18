namespace Gateway.Resources;

/// <summary>A pub/sub <c>Component</c> (<c>dapr.io/v1alpha1</c>).</summary>
/// <param name="Name"><c>metadata.name</c>: the pubsub name apps publish to.</param>
/// <param name="Namespace"><c>metadata.namespace</c>, default <c>default</c>.</param>
/// <param name="Type"><c>spec.type</c>, such as <c>pubsub.redis</c>; always a known driver type.</param>
/// <param name="Version"><c>spec.version</c>, default <c>v1</c>.</param>
/// <param name="Metadata"><c>spec.metadata</c> in declaration order, names as written, values from <c>secretKeyRef</c> fetched and markers unresolved; names are unique ignoring case.</param>
/// <param name="Scopes">App IDs allowed to use the component; empty means every app.</param>
/// <param name="Location">Where it was declared.</param>
internal sealed record ComponentSpec(
    string Name,
    string Namespace,
    string Type,
    string Version,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<string> Scopes,
    ResourceLocation Location)
{
    /// <summary>The metadata as a case-insensitive dictionary, as drivers read it.</summary>
    public IReadOnlyDictionary<string, string> MetadataDictionary =>
        Metadata.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Names of the <see cref="Metadata"/> entries whose values came from a secret store or an environment variable
    /// (<c>secretKeyRef</c>, <c>envRef</c>): never shown in messages, logs or the metadata API.
    /// </summary>
    public IReadOnlySet<string> SecretKeys { get; init; } = new HashSet<string>();

    // Metadata may hold passwords, inline or from a secret store: never part of the text.
    public override string ToString() => $"Component '{Namespace}/{Name}' ({Type}) at {Location}";
}
