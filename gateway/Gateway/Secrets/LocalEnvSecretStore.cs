namespace Gateway.Secrets;

/// <summary>
/// Dapr's <c>secretstores.local.env</c>: a secret is the environment variable <c>prefix + name</c> of the
/// gateway process, holding one key, its own name. Variables Dapr keeps from components (<c>DAPR_*</c>,
/// <c>APP_API_TOKEN</c>) are refused, and so are the gateway's own settings (<c>Gateway__*</c>). Unlike Dapr,
/// which hands on an empty value, a variable that is not set is a problem: a password would otherwise
/// silently become no password.
/// </summary>
internal sealed class LocalEnvSecretStore(string prefix, Func<string, string?> environment) : ISecretStore
{
    public string Description { get; } = prefix.Length == 0
        ? $"{SecretStoreTypes.LocalEnv}, environment variables"
        : $"{SecretStoreTypes.LocalEnv}, environment variables starting with '{prefix}'";

    public SecretLookup Find(string secretName, string key)
    {
        var variable = prefix + secretName;
        if (!IsAllowed(variable))
        {
            return SecretLookup.Missing($"the environment variable '{variable}' may not be read (DAPR_*, APP_API_TOKEN and the gateway's own Gateway__* settings are refused)");
        }

        if (!string.Equals(key, secretName, StringComparison.Ordinal))
        {
            return SecretLookup.Missing($"its secret '{secretName}' has one key, its own name, not '{key}'; set 'key' to '{secretName}' or leave it out");
        }

        return environment(variable) is { } value
            ? SecretLookup.Found(value)
            : SecretLookup.Missing($"the environment variable '{variable}' is not set");
    }

    public override string ToString() => Description;

    private static bool IsAllowed(string variable)
    {
        var name = variable.ToUpperInvariant();
        return name.Length > 0
            && !name.Contains('=', StringComparison.Ordinal)
            && !name.Contains(' ', StringComparison.Ordinal)
            && name != "APP_API_TOKEN"
            && !name.StartsWith("DAPR_", StringComparison.Ordinal)
            && !name.StartsWith("GATEWAY__", StringComparison.Ordinal);
    }
}
