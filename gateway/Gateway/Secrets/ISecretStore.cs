namespace Gateway.Secrets;

/// <summary>A loaded secret store: answers Dapr's GetSecret(name) followed by picking one key of the answer.</summary>
internal interface ISecretStore
{
    /// <summary>What the store is, for messages: its type and where it reads from (a path, a prefix), never a value.</summary>
    string Description { get; }

    /// <summary>The value of <paramref name="key"/> in secret <paramref name="secretName"/>, or why there is none.</summary>
    SecretLookup Find(string secretName, string key);
}
