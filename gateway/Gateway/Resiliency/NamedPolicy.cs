namespace Gateway.Resiliency;

/// <summary>A policy chosen for a target, with the name it has in <c>spec.policies</c> (used in messages).</summary>
internal sealed record NamedPolicy<TSpec>(string Name, TSpec Spec);
