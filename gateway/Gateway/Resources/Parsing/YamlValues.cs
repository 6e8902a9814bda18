using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Small facts about YAML nodes that every parser needs.</summary>
internal static class YamlValues
{
    /// <summary>
    /// True for an absent value: an empty plain scalar (<c>field:</c>), <c>~</c> or <c>null</c>.
    /// A quoted <c>"null"</c> is a string.
    /// </summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Names the shape of a node the way an error message needs it.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "empty",
        _ => "a single value",
    };

    /// <summary>Looks up a field without validating anything; used to peek at kind, name and type.</summary>
    public static YamlNode? Peek(YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var field in path)
        {
            if (current is not YamlMappingNode mapping)
            {
                return null;
            }

            current = mapping.Children
                .FirstOrDefault(child => child.Key is YamlScalarNode key && string.Equals(key.Value, field, StringComparison.OrdinalIgnoreCase))
                .Value;
        }

        return current;
    }

    /// <summary>The text of a scalar found by <see cref="Peek"/>, or null.</summary>
    public static string? PeekText(YamlNode node, params string[] path) =>
        Peek(node, path) is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

    /// <summary>Joins a field path: <c>spec</c> + <c>type</c> = <c>spec.type</c>.</summary>
    public static string Join(string parent, string field) => parent.Length == 0 ? field : $"{parent}.{field}";
}
