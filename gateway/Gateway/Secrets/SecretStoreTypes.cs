namespace Gateway.Secrets;

/// <summary>
/// The secret store component types the gateway reads, by <c>spec.type</c>: Dapr's local stores. Component
/// metadata names one in <c>auth.secretStore</c> (else <see cref="DefaultStoreName"/>) and takes values from it
/// with <c>secretKeyRef</c>. Other <c>secretstores.*</c> types are skipped with a warning.
/// </summary>
internal static class SecretStoreTypes
{
    public const string Prefix = "secretstores.";

    /// <summary>A JSON file of secrets (<c>secretsFile</c>, <c>nestedSeparator</c>, <c>multiValued</c>).</summary>
    public const string LocalFile = "secretstores.local.file";

    /// <summary>The gateway's environment variables (<c>prefix</c>).</summary>
    public const string LocalEnv = "secretstores.local.env";

    /// <summary>
    /// The store used when a component has no <c>auth.secretStore</c>: <c>kubernetes</c>, as Dapr does on
    /// Kubernetes. The gateway does not talk to the Kubernetes API: a store of this name is one of the types
    /// above (typically <c>local.file</c> reading a Secret mounted as a file).
    /// </summary>
    public const string DefaultStoreName = "kubernetes";

    public static IReadOnlyList<string> Supported { get; } = [LocalFile, LocalEnv];

    public static bool IsSupported(string type) => Supported.Contains(type, StringComparer.Ordinal);

    public static bool IsSecretStore(string type) => type.StartsWith(Prefix, StringComparison.Ordinal);
}
