using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Operations;

/// <summary>Small readers over YamlDotNet's node model, failing with the path that was missing.</summary>
internal static class YamlDocuments
{
    /// <summary>Every non-empty document of a (multi-document) YAML text, as mappings.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        node.Child(key) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is not a mapping");

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        node.Child(key) as YamlSequenceNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is not a sequence");

    public static string Text(this YamlNode node, string key) =>
        (node.Child(key) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"'{key}' is not a scalar");

    public static string? TextOrNull(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    public static bool Has(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    public static IEnumerable<string> Texts(this YamlSequenceNode sequence) =>
        sequence.Children.Select(child => (child as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException("a sequence entry is not a scalar"));

    public static IEnumerable<string> Keys(this YamlMappingNode map) =>
        map.Children.Keys.Select(key => ((YamlScalarNode)key).Value!);

    private static YamlNode Child(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing");
}
