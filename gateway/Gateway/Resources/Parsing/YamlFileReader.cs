using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads the YAML documents of one file, turning syntax errors into load errors.</summary>
internal static partial class YamlFileReader
{
    /// <summary>
    /// Returns the documents of the file. On a syntax error the documents before it are still
    /// returned, so they are checked too, and the error is reported with its line.
    /// </summary>
    public static IReadOnlyList<YamlDocument> Read(string fullPath, string relativePath, long maxBytes, LoadDiagnostics diagnostics)
    {
        var stream = new YamlStream();
        if (ResourceFileReader.Read(fullPath, maxBytes, out var problem) is not { } bytes)
        {
            diagnostics.AddError(new ResourceError(relativePath, 0, null, null, problem));
            return [];
        }

        using var decoder = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        var text = decoder.ReadToEnd();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            var line = LineOfProblem(text, exception);
            var message = LocationPrefix().Replace(exception.Message, string.Empty).TrimEnd('.', ' ');
            diagnostics.AddError(new ResourceError(relativePath, line, null, null, $"YAML syntax error: {message}; fix the YAML (indentation, quotes, ':' after each key) and load again"));
        }

        // YamlStream keeps the documents it finished before an exception.
        return [.. stream.Documents];
    }

    // For a tab in the indentation YamlDotNet points at the enclosing mapping; the tab itself is what the user must fix.
    private static int LineOfProblem(string text, YamlException exception)
    {
        var line = (int)exception.Start.Line;
        if (!exception.Message.Contains("tab", StringComparison.Ordinal))
        {
            return line;
        }

        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        for (var index = Math.Max(line - 1, 0); index < lines.Length; index++)
        {
            var indentation = lines[index][..^lines[index].TrimStart().Length];
            if (indentation.Contains('\t'))
            {
                return index + 1;
            }
        }

        return line;
    }

    // YamlDotNet starts its messages with "(Line: 3, Col: 1, Idx: 20) - (Line: 3, Col: 5, Idx: 24): "; the line is reported separately.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();
}
