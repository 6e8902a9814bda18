using Gateway.Drivers;
using Gateway.Drivers.MetadataParsing;

namespace Gateway.Secrets;

/// <summary>Reads a secret store component's metadata into its options, reporting every problem.</summary>
internal static class SecretStoreOptionsParser
{
    public static LocalFileSecretsOptions ParseLocalFile(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new LocalFileSecretsOptions();
        var reading = SecretStoreMetadataSchema.LocalFile.Read(metadata, entry =>
        {
            switch (entry.Name)
            {
                case LocalFileSecretsOptions.SecretsFileKey when entry.TryText(out var file, "the path of a JSON file"):
                    options.SecretsFile = file;
                    break;
                case LocalFileSecretsOptions.NestedSeparatorKey:
                    // Dapr uses ':' for an empty separator.
                    options.NestedSeparator = entry.Value.Length == 0 ? ":" : entry.Value;
                    break;
                case LocalFileSecretsOptions.MultiValuedKey when entry.TryBool(out var multiValued):
                    options.MultiValued = multiValued;
                    break;
            }
        });
        reading.Require(LocalFileSecretsOptions.SecretsFileKey, "the path of the JSON file of secrets");
        problems = reading.Problems;
        return options;
    }

    /// <summary>The <c>prefix</c> of a <c>secretstores.local.env</c> component (empty when absent).</summary>
    public static string ParseLocalEnv(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var prefix = "";
        problems = SecretStoreMetadataSchema.LocalEnv.Read(metadata, entry => prefix = entry.Value.Trim()).Problems;
        return prefix;
    }
}
