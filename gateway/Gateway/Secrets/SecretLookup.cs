namespace Gateway.Secrets;

/// <summary>
/// The answer of <see cref="ISecretStore.Find"/>: a value, or a problem that says what is missing without
/// the value. <see cref="ToString"/> never shows the value.
/// </summary>
internal sealed class SecretLookup
{
    private SecretLookup(string? value, string? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>The secret value; null when <see cref="Problem"/> says why there is none.</summary>
    public string? Value { get; }

    /// <summary>Why there is no value, naming the secret and key; null when found.</summary>
    public string? Problem { get; }

    public static SecretLookup Found(string value) => new(value, null);

    public static SecretLookup Missing(string problem) => new(null, problem);

    public override string ToString() => Problem ?? "a secret value (not shown)";
}
