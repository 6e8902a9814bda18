namespace Gateway.Resources.Parsing;

/// <summary>A metadata entry's <c>secretKeyRef</c>: secret <paramref name="Name"/>, and the key in it (default: the secret's name, as in Dapr).</summary>
internal sealed record SecretKeyRef(string Name, string Key, int Line);
