using Gateway.Drivers.MetadataParsing;

namespace Gateway.Secrets;

/// <summary>
/// The metadata keys of the secret stores the gateway reads, as in Dapr's <c>metadata.yaml</c> of
/// <c>secretstores.local.file</c> and <c>secretstores.local.env</c>, read with the same policy as drivers'
/// metadata (an unknown key warns with the nearest known one, a bad value is an error).
/// </summary>
internal static class SecretStoreMetadataSchema
{
    public const string PrefixKey = "prefix";

    public static MetadataTable LocalFile { get; } = new(SecretStoreTypes.LocalFile,
    [
        MetadataKey.Honoured(LocalFileSecretsOptions.SecretsFileKey, "", "Required. The JSON file of secrets; a relative path is taken from the resources folder."),
        MetadataKey.Honoured(LocalFileSecretsOptions.NestedSeparatorKey, ":", "Joins the keys of nested objects (and array indexes) into one secret name."),
        MetadataKey.Honoured(LocalFileSecretsOptions.MultiValuedKey, "false", "true: each top-level entry is one secret whose keys are the entries below it."),
    ]);

    public static MetadataTable LocalEnv { get; } = new(SecretStoreTypes.LocalEnv,
    [
        MetadataKey.Honoured(PrefixKey, "", "Put before every secret name to make the environment variable's name (case-sensitive)."),
    ]);

    /// <summary>The table of a supported store type.</summary>
    public static MetadataTable For(string type) => type == SecretStoreTypes.LocalFile ? LocalFile : LocalEnv;
}
