namespace Gateway.Resources.Parsing;

/// <summary>Reads the <c>spec</c> of a secret store <c>Component</c> of a type the gateway reads.</summary>
internal static class SecretStoreParser
{
    public static SecretStoreSpec? Parse(ResourceHeader header, string type)
    {
        var spec = header.Spec(ComponentParser.SpecFields, "add 'spec:' with 'type:' and 'metadata:'");
        if (spec is null)
        {
            return null;
        }

        spec.String("version");
        spec.Duration("initTimeout");
        spec.Bool("ignoreErrors");
        var metadata = ComponentMetadataParser.Parse(spec);
        foreach (var item in metadata.Where(item => item.IsReference))
        {
            spec.Context.Error(item.Line, $"metadata '{item.Name}' of a secret store cannot come from a secret store or the environment; write its value");
        }

        if (header.Scopes.Count > 0)
        {
            spec.Context.Warning(header.Root.LineOf("scopes"),
                "'scopes' has no effect on a secret store: the gateway reads a component's secrets once, for the component, and apps never read secrets; remove it");
        }

        return header.Name is null ? null : new SecretStoreSpec(header.Name, header.Namespace, type, [.. metadata.Where(item => !item.IsReference)], header.Location, spec.Context.DocumentNumber);
    }
}
