using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// Resource YAML kept in files under <c>testassets/</c> (components, apps, subscriptions, resiliency),
/// copied beside the test assembly. A file marks each value a test varies with a placeholder,
/// <c>{{name}}</c>; <see cref="Yaml"/> puts the given values in, as written, and refuses a file whose
/// placeholder has no value, a value that has no placeholder, or a brace pair that is not a placeholder.
/// </summary>
internal static partial class TestAssets
{
    /// <summary>The text of <c>testassets/<paramref name="path"/></c> with its placeholders filled.</summary>
    /// <param name="values">
    /// An anonymous object, one property per placeholder: <c>new { name = "pubsub", redeliveryDelay = "50ms" }</c>.
    /// Strings go in as written, numbers in invariant culture, booleans as <c>true</c>/<c>false</c>, and a
    /// <see cref="Uri"/> without its trailing slash (a <c>baseUrl</c>).
    /// </param>
    public static string Yaml(string path, object? values = null)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "testassets", path);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"test asset '{path}' is not in {Path.GetDirectoryName(file)}; is it copied to the output directory?", file);
        }

        return Fill(path, File.ReadAllText(file), values);
    }

    /// <summary>Puts <paramref name="values"/> into the placeholders of <paramref name="template"/>, the text of <paramref name="path"/>.</summary>
    internal static string Fill(string path, string template, object? values)
    {
        var given = Values(path, values);
        var placeholders = Placeholder().Matches(template).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var braces = Regex.Count(template, Regex.Escape("{{"));
        if (braces != Placeholder().Count(template))
        {
            problems.Add("a '{{' that is not a placeholder ({{camelCaseName}})");
        }

        problems.AddRange(placeholders.Where(name => !given.ContainsKey(name)).Order(StringComparer.Ordinal).Select(name => $"no value for {{{{{name}}}}}"));
        problems.AddRange(given.Keys.Where(name => !placeholders.Contains(name)).Order(StringComparer.Ordinal).Select(name => $"value '{name}' given, but the file has no {{{{{name}}}}}"));
        if (problems.Count > 0)
        {
            throw new ArgumentException($"test asset '{path}': {string.Join("; ", problems)}", nameof(values));
        }

        return Placeholder().Replace(template, match => given[match.Groups[1].Value]);
    }

    /// <summary>Several resources as one multi-document YAML text.</summary>
    public static string Join(params IEnumerable<string> documents) =>
        string.Join("---\n", documents.Select(document => document.EndsWith('\n') ? document : document + "\n"));

    private static Dictionary<string, string> Values(string path, object? values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in values?.GetType().GetProperties() ?? [])
        {
            result[property.Name] = property.GetValue(values) switch
            {
                string text => text,
                Uri uri => uri.ToString().TrimEnd('/'),
                bool flag => flag ? "true" : "false",
                int number => number.ToString(CultureInfo.InvariantCulture),
                long number => number.ToString(CultureInfo.InvariantCulture),
                null => throw new ArgumentException($"test asset '{path}': value '{property.Name}' is null", nameof(values)),
                var other => throw new ArgumentException($"test asset '{path}': value '{property.Name}' is a {other.GetType().Name}; give a string, number, boolean or Uri", nameof(values)),
            };
        }

        return result;
    }

    [GeneratedRegex(@"\{\{([a-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}
