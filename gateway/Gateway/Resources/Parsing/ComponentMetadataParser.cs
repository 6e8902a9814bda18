using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads a component's <c>spec.metadata</c> list of name/value entries.</summary>
internal static class ComponentMetadataParser
{
    private static readonly string[] ItemFields = ["name", "value", "secretKeyRef", "envRef"];
    private static readonly string[] SecretKeyRefFields = ["name", "key"];

    /// <summary>Returns the entries that could be read, in declaration order, names unique ignoring case.</summary>
    public static IReadOnlyList<ComponentMetadataItem> Parse(MappingReader spec)
    {
        var items = new List<ComponentMetadataItem>();
        if (spec.Sequence("metadata") is not { } sequence)
        {
            return items;
        }

        var context = spec.Context;
        for (var index = 0; index < sequence.Children.Count; index++)
        {
            var path = $"{spec.PathOf("metadata")}[{index}]";
            if (sequence.Children[index] is not YamlMappingNode node)
            {
                context.Error(sequence.Children[index], $"'{path}' must be a mapping with 'name' and 'value', but {YamlValues.Describe(sequence.Children[index])} was given");
                continue;
            }

            var item = new MappingReader(node, path, context, ItemFields);
            if (ReadItem(item) is not { } parsed)
            {
                continue;
            }

            var earlier = items.FindIndex(existing => string.Equals(existing.Name, parsed.Name, StringComparison.OrdinalIgnoreCase));
            if (earlier >= 0 && items[earlier].Name == parsed.Name)
            {
                // The same name written twice: Dapr keeps the last value, and so does the gateway, saying so.
                context.Warning(parsed.Line, $"metadata '{parsed.Name}' is given twice (also on line {items[earlier].Line}); the last value is used, as Dapr does; keep only one");
                items[earlier] = parsed;
                continue;
            }

            if (earlier >= 0)
            {
                context.Error(parsed.Line, $"metadata '{parsed.Name}' is given twice (also on line {items[earlier].Line} as '{items[earlier].Name}'; names ignore case); keep only one");
                continue;
            }

            items.Add(parsed);
        }

        return items;
    }

    private static ComponentMetadataItem? ReadItem(MappingReader item)
    {
        var name = item.RequiredString("name", "give every metadata entry a name");
        var sources = new[] { "value", "secretKeyRef", "envRef" }.Where(item.Has).ToList();
        if (sources.Count > 1)
        {
            item.Context.Error(item.Line, $"metadata '{name ?? "?"}' has {string.Join(" and ", sources.Select(source => $"'{source}'"))}; give only one");
            return null;
        }

        if (item.Has("secretKeyRef"))
        {
            return ReadSecretKeyRef(item, name) is { } reference && name is not null ? new ComponentMetadataItem(name, "", item.Line, SecretRef: reference) : null;
        }

        if (item.Has("envRef"))
        {
            var variable = item.RequiredString("envRef", "name the environment variable to read");
            return name is null || variable is null ? null : new ComponentMetadataItem(name, "", item.Line, EnvRef: variable.Trim());
        }

        // A missing value is an empty string, as in Dapr; numbers and booleans keep their text.
        var value = item.Has("value") ? item.String("value") : string.Empty;
        return name is null || value is null ? null : new ComponentMetadataItem(name, value, item.Line);
    }

    private static SecretKeyRef? ReadSecretKeyRef(MappingReader item, string? name)
    {
        if (item.Mapping("secretKeyRef", SecretKeyRefFields) is not { } reference)
        {
            return null;
        }

        var secret = reference.RequiredString("name", $"name the secret that holds the value of metadata '{name ?? "?"}'");
        var key = reference.String("key") is { Length: > 0 } written ? written : secret;
        return secret is null || key is null ? null : new SecretKeyRef(secret, key, item.LineOf("secretKeyRef"));
    }
}
