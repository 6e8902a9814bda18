using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>
/// Reads the fields of one YAML mapping with a fixed set of allowed fields. Unknown and repeated
/// fields are reported as soon as the reader is created. Field names match ignoring case, as
/// Dapr's Go decoder does, so <c>pubsubName</c> works where the docs write <c>pubsubname</c>.
/// Every typed read reports its own problem and returns null, so a parser can keep going and
/// report everything at once.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, YamlNode> keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<string> allowedFields;

    public MappingReader(YamlMappingNode node, string path, DocumentContext context, IReadOnlyList<string> allowedFields)
    {
        Node = node;
        Path = path;
        Context = context;
        this.allowedFields = allowedFields;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                context.Error(keyNode, $"a field name in '{DisplayPath}' is {YamlValues.Describe(keyNode)}; field names must be plain words");
                continue;
            }

            var canonical = allowedFields.FirstOrDefault(field => string.Equals(field, key, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                context.Error(keyNode, $"unknown field '{PathOf(key)}'; allowed fields here are: {string.Join(", ", allowedFields)}. Remove it or correct its spelling");
            }
            else if (values.TryAdd(canonical, value))
            {
                keys[canonical] = keyNode;
            }
            else
            {
                context.Error(keyNode, $"field '{PathOf(canonical)}' is given more than once (field names ignore case); keep only one");
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>The dotted path of this mapping, empty for the document root.</summary>
    public string Path { get; }

    public DocumentContext Context { get; }

    public int Line => DocumentContext.LineOf(Node);

    private string DisplayPath => Path.Length == 0 ? "the document" : Path;

    public string PathOf(string field) => YamlValues.Join(Path, field);

    /// <summary>The value of a field, or null when it is absent or written as null.</summary>
    public YamlNode? Get(string field)
    {
        EnsureAllowed(field);
        return values.TryGetValue(field, out var node) && !YamlValues.IsNull(node) ? node : null;
    }

    public bool Has(string field) => Get(field) is not null;

    /// <summary>The line of a field's name, or of this mapping when the field is absent.</summary>
    public int LineOf(string field) => Get(field) is not null ? DocumentContext.LineOf(keys[field]) : Line;

    /// <summary>Reports that a required field is missing, with a hint on what to write.</summary>
    public void ReportMissing(string field, string whatToDo) =>
        Context.Error(Line, $"field '{PathOf(field)}' is required; {whatToDo}");

    /// <summary>Reads a nested mapping with its own allowed fields; null when absent or not a mapping.</summary>
    public MappingReader? Mapping(string field, IReadOnlyList<string> nestedAllowedFields) =>
        RawMapping(field) is { } mapping ? new MappingReader(mapping, PathOf(field), Context, nestedAllowedFields) : null;

    /// <summary>Reads a nested mapping whose keys are free (names of policies, labels).</summary>
    public YamlMappingNode? RawMapping(string field) => Expect<YamlMappingNode>(field, "a mapping of fields");

    /// <summary>The entries of a mapping whose keys are names chosen by the user, such as policy names.</summary>
    public IReadOnlyList<(string Name, YamlNode Value, string Path, int Line)> NamedEntries(string field)
    {
        var entries = new List<(string, YamlNode, string, int)>();
        if (RawMapping(field) is not { } mapping)
        {
            return entries;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { Length: > 0 } name })
            {
                entries.Add((name, value, $"{PathOf(field)}.{name}", DocumentContext.LineOf(keyNode)));
            }
            else
            {
                Context.Error(keyNode, $"a name in '{PathOf(field)}' is {YamlValues.Describe(keyNode)}; names must be text");
            }
        }

        return entries;
    }

    public YamlSequenceNode? Sequence(string field) => Expect<YamlSequenceNode>(field, "a list");

    private T? Expect<T>(string field, string expected)
        where T : YamlNode
    {
        var node = Get(field);
        if (node is null or T)
        {
            return (T?)node;
        }

        ReportWrongType(field, node, expected);
        return null;
    }

    private void ReportWrongType(string field, YamlNode node, string expected) =>
        Context.Error(LineOf(field), $"field '{PathOf(field)}' must be {expected}, but {YamlValues.Describe(node)} was given");

    // A parser asking for a field it did not allow is a bug in the parser, not in the user's file.
    private void EnsureAllowed(string field)
    {
        if (!allowedFields.Contains(field, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Field '{field}' is read but not listed as allowed under '{DisplayPath}'.");
        }
    }
}
