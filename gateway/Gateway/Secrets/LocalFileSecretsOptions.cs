namespace Gateway.Secrets;

/// <summary>The metadata of a <c>secretstores.local.file</c> component.</summary>
internal sealed class LocalFileSecretsOptions
{
    public const string SecretsFileKey = "secretsFile";
    public const string NestedSeparatorKey = "nestedSeparator";
    public const string MultiValuedKey = "multiValued";

    /// <summary><c>secretsFile</c>, required: the JSON file; a relative path is taken from the resources folder.</summary>
    public string SecretsFile { get; set; } = "";

    /// <summary><c>nestedSeparator</c>: joins nested keys; default <c>:</c>.</summary>
    public string NestedSeparator { get; set; } = ":";

    /// <summary><c>multiValued</c>: each top-level entry is one secret with several keys; default false.</summary>
    public bool MultiValued { get; set; }
}
