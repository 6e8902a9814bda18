using System.Text.Json;

namespace Gateway.Secrets;

/// <summary>
/// Dapr's <c>secretstores.local.file</c>: secrets from a JSON file, read when the resources are loaded (and
/// again at every live reload, since the file is watched with them). Without <c>multiValued</c> every leaf is
/// its own secret, named by its flattened key, holding one value under that same name; with it, each top-level
/// entry is one secret whose keys are the flattened entries below it (a string holds one key, its own name).
/// </summary>
internal sealed class LocalFileSecretStore : ISecretStore
{
    private readonly Dictionary<string, Dictionary<string, string>> _secrets;
    private readonly bool _multiValued;

    private LocalFileSecretStore(string path, Dictionary<string, Dictionary<string, string>> secrets, bool multiValued)
    {
        Description = $"{SecretStoreTypes.LocalFile}, file '{path}'";
        _secrets = secrets;
        _multiValued = multiValued;
    }

    public string Description { get; }

    /// <summary>Reads the secrets of <paramref name="json"/>; null with <paramref name="problem"/> when the file cannot be used.</summary>
    public static LocalFileSecretStore? Create(string path, byte[] json, LocalFileSecretsOptions options, out string problem)
    {
        using var document = SecretJson.Parse(json, out problem);
        if (document is null)
        {
            return null;
        }

        var secrets = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!options.MultiValued)
        {
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!SecretJson.Flatten(document.RootElement, "", options.NestedSeparator, flat, out problem))
            {
                return null;
            }

            foreach (var (name, value) in flat)
            {
                secrets[name] = new Dictionary<string, string>(StringComparer.Ordinal) { [name] = value };
            }

            return new LocalFileSecretStore(path, secrets, multiValued: false);
        }

        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            var flattened = entry.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                ? SecretJson.Flatten(entry.Value, "", options.NestedSeparator, keys, out problem)
                : keys.TryAdd(entry.Name, SecretJson.Text(entry.Value));
            if (!flattened || !secrets.TryAdd(entry.Name, keys))
            {
                problem = flattened ? $"the secret '{entry.Name}' is given twice" : $"in secret '{entry.Name}': {problem}";
                return null;
            }
        }

        return new LocalFileSecretStore(path, secrets, multiValued: true);
    }

    public SecretLookup Find(string secretName, string key)
    {
        if (!_secrets.TryGetValue(secretName, out var keys))
        {
            return SecretLookup.Missing($"it has no secret '{secretName}'");
        }

        if (keys.TryGetValue(key, out var value))
        {
            return SecretLookup.Found(value);
        }

        var known = string.Join(", ", keys.Keys.Order(StringComparer.Ordinal).Select(name => $"'{name}'"));
        var hint = _multiValued ? "" : "; without multiValued a secret's one key is its own name";
        return SecretLookup.Missing($"its secret '{secretName}' has no key '{key}' (its keys: {known}{hint})");
    }

    public override string ToString() => Description;
}
