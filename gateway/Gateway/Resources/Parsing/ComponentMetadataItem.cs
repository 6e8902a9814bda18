namespace Gateway.Resources.Parsing;

/// <summary>One readable <c>spec.metadata</c> entry of a component, with the line it is on.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Value">The <c>value</c> as written; empty when the value comes from <paramref name="SecretRef"/> or <paramref name="EnvRef"/>.</param>
/// <param name="Line">The line of the entry.</param>
/// <param name="SecretRef">The <c>secretKeyRef</c>, when the value comes from a secret store.</param>
/// <param name="EnvRef">The <c>envRef</c>, when the value comes from an environment variable of the gateway.</param>
internal sealed record ComponentMetadataItem(string Name, string Value, int Line, SecretKeyRef? SecretRef = null, string? EnvRef = null)
{
    /// <summary>True when the value is read from somewhere else when the resources load, and never shown.</summary>
    public bool IsReference => SecretRef is not null || EnvRef is not null;

    // An inline value may be a password too: it never appears here.
    public override string ToString() => $"metadata '{Name}' at line {Line}";
}
