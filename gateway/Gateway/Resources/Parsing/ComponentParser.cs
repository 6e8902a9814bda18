using Gateway.Drivers;

namespace Gateway.Resources.Parsing;

/// <summary>
/// Reads the <c>spec</c> of a pub/sub <c>Component</c>. Its driver checks the metadata later, once every
/// document is read and the secrets it references are fetched (<see cref="Resolution.ComponentResolver"/>).
/// </summary>
internal sealed class ComponentParser(IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories)
{
    internal static readonly string[] SpecFields = ["type", "version", "metadata", "initTimeout", "ignoreErrors"];

    public ComponentDraft? Parse(ResourceHeader header)
    {
        var spec = header.Spec(SpecFields, "add 'spec:' with 'type:' and 'metadata:'");
        if (spec is null)
        {
            return null;
        }

        var type = spec.RequiredString("type", $"set it to one of: {KnownTypes}");
        var factory = type is null ? null : driverFactories.GetValueOrDefault(type);
        if (type is not null && factory is null)
        {
            spec.Context.Error(spec.LineOf("type"), $"unknown pub/sub type '{type}'; the gateway supports: {KnownTypes}");
        }

        var version = spec.String("version") ?? "v1";
        spec.Duration("initTimeout");
        spec.Bool("ignoreErrors");
        var metadata = ComponentMetadataParser.Parse(spec);
        if (header.Name is null || type is null || factory is null)
        {
            return null;
        }

        return new ComponentDraft(
            header.Name, header.Namespace, type, version, metadata, header.Scopes, header.SecretStore, header.SecretStoreLine,
            spec.LineOf("metadata"), header.Location, spec.Context.DocumentNumber, factory);
    }

    private string KnownTypes => string.Join(", ", driverFactories.Keys.Order(StringComparer.Ordinal));
}
