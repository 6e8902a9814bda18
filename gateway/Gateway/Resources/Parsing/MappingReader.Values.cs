using Gateway.Drivers;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Typed reads of single-value fields.</summary>
internal sealed partial class MappingReader
{
    /// <summary>Reads a single value as text; numbers and booleans come back as written.</summary>
    public string? String(string field)
    {
        var node = Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        ReportWrongType(field, node, "a single value (text)");
        return null;
    }

    /// <summary>Reads a required, non-empty single value; reports it when missing.</summary>
    public string? RequiredString(string field, string whatToDo)
    {
        if (Get(field) is null)
        {
            ReportMissing(field, whatToDo);
            return null;
        }

        var value = String(field);
        if (value is not null && value.Trim().Length == 0)
        {
            Context.Error(LineOf(field), $"field '{PathOf(field)}' is empty; {whatToDo}");
            return null;
        }

        return value;
    }

    public bool? Bool(string field)
    {
        var text = String(field);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Context.Error(LineOf(field), $"field '{PathOf(field)}' must be true or false, but is '{text}'");
        return null;
    }

    /// <summary>Reads a whole number no smaller than <paramref name="minimum"/>.</summary>
    public int? Int(string field, int minimum)
    {
        var text = String(field);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        Context.Error(LineOf(field), $"field '{PathOf(field)}' must be a whole number of at least {minimum}, but is '{text}'");
        return null;
    }

    /// <summary>Reads a Go duration that is not negative (and not zero unless <paramref name="allowZero"/>).</summary>
    public TimeSpan? Duration(string field, bool allowZero = true)
    {
        var text = String(field);
        if (text is null)
        {
            return null;
        }

        if (!GoDuration.TryParse(text.Trim(), out var value))
        {
            Context.Error(LineOf(field), $"field '{PathOf(field)}' must be {GoDuration.ExpectedForm}, but is '{text}'");
            return null;
        }

        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !allowZero))
        {
            var bound = allowZero ? "zero or more" : "more than zero";
            Context.Error(LineOf(field), $"field '{PathOf(field)}' must be {bound}, but is '{text}'");
            return null;
        }

        return value;
    }

    /// <summary>Reads a list of non-empty single values; an absent list is empty.</summary>
    public IReadOnlyList<string> StringList(string field)
    {
        if (Sequence(field) is not { } sequence)
        {
            return [];
        }

        var items = new List<string>();
        for (var index = 0; index < sequence.Children.Count; index++)
        {
            var item = sequence.Children[index];
            if (item is YamlScalarNode { Value: { } text } && !YamlValues.IsNull(item) && text.Trim().Length > 0)
            {
                items.Add(text);
            }
            else
            {
                Context.Error(item, $"item {index + 1} of '{PathOf(field)}' must be non-empty text, but {YamlValues.Describe(item)} was given");
            }
        }

        return items;
    }

    /// <summary>Reads a mapping of text to text (labels, subscription metadata); an absent mapping is empty.</summary>
    public IReadOnlyDictionary<string, string> StringMap(string field)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (RawMapping(field) is not { } mapping)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null)
            {
                Context.Error(keyNode, $"a key in '{PathOf(field)}' is {YamlValues.Describe(keyNode)}; keys must be text");
            }
            else if (valueNode is not YamlScalarNode value)
            {
                Context.Error(keyNode, $"'{PathOf(field)}.{key}' must be a single value (text), but {YamlValues.Describe(valueNode)} was given; quote it if it is meant as text");
            }
            else
            {
                result[key] = YamlValues.IsNull(value) ? string.Empty : value.Value ?? string.Empty;
            }
        }

        return result;
    }
}
