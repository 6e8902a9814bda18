namespace Gateway.Resources.Validation;

/// <summary>A resource whose kind and name could be read, whether or not the rest of it is valid.</summary>
internal sealed record DeclaredResource(string Kind, string Namespace, string Name, ResourceLocation Location);
