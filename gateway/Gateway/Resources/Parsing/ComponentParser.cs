using Gateway.Drivers;

namespace Gateway.Resources.Parsing;

/// <summary>Reads the <c>spec</c> of a pub/sub <c>Component</c> and lets its driver check the metadata.</summary>
internal sealed class ComponentParser(IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories)
{
    private static readonly string[] SpecFields = ["type", "version", "metadata", "initTimeout", "ignoreErrors"];

    public ComponentSpec? Parse(ResourceHeader header)
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
        if (factory is not null)
        {
            ReportDriverProblems(factory, metadata, spec);
        }

        if (header.Name is null || type is null || factory is null)
        {
            return null;
        }

        var pairs = metadata.Select(item => KeyValuePair.Create(item.Name, item.Value)).ToList();
        return new ComponentSpec(header.Name, header.Namespace, type, version, pairs, header.Scopes, header.Location);
    }

    private string KnownTypes => string.Join(", ", driverFactories.Keys.Order(StringComparer.Ordinal));

    private static void ReportDriverProblems(IPubSubDriverFactory factory, IReadOnlyList<ComponentMetadataItem> metadata, MappingReader spec)
    {
        var values = metadata.ToDictionary(item => item.Name, item => item.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var problem in factory.Validate(values))
        {
            var item = metadata.FirstOrDefault(entry => string.Equals(entry.Name, problem.Key, StringComparison.OrdinalIgnoreCase));
            var line = item?.Line ?? spec.LineOf("metadata");
            // Drivers that use the shared metadata helper already start with "metadata 'key'".
            var message = problem.Message.StartsWith($"metadata '{problem.Key}'", StringComparison.Ordinal)
                ? problem.Message
                : $"metadata '{problem.Key}': {problem.Message}";
            if (problem.IsError)
            {
                spec.Context.Error(line, message);
            }
            else
            {
                spec.Context.Warning(line, message);
            }
        }
    }
}
