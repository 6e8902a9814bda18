using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Gateway.Routing.Cel;

namespace Gateway.Routing;

/// <summary>
/// A subscription routing rule's <c>match</c>: the subset of CEL that real subscriptions use,
/// evaluated against <c>{"event": cloudEvent}</c>. Parsing refuses anything outside the subset,
/// with the line and column of the problem. Instances are immutable and thread-safe.
/// See docs/routing.md for the language.
/// </summary>
internal sealed class RouteExpression
{
    /// <summary>Longest expression accepted, in UTF-16 code units.</summary>
    internal const int MaxLength = 16 * 1024;

    private readonly CelNode _root;

    private RouteExpression(string source, CelNode root)
    {
        Source = source;
        _root = root;
    }

    public string Source { get; }

    /// <summary>
    /// Parses <paramref name="source"/>. On failure <paramref name="error"/> reads like
    /// <c>match 'event.type = "a"': column 12: expected '==' but found '='</c>; on success it is empty.
    /// </summary>
    public static bool TryParse(string source, [NotNullWhen(true)] out RouteExpression? expression, out string error)
    {
        ArgumentNullException.ThrowIfNull(source);
        expression = null;
        if (string.IsNullOrWhiteSpace(source))
        {
            error = $"match '{source}': the expression is empty";
            return false;
        }

        if (source.Length > MaxLength)
        {
            error = $"match is {source.Length} characters long; at most {MaxLength} are accepted";
            return false;
        }

        try
        {
            expression = new RouteExpression(source, CelParser.Parse(source));
            error = string.Empty;
            return true;
        }
        catch (CelSyntaxException exception)
        {
            error = $"match '{source}': {DescribePosition(source, exception.Position)}: {exception.Message}";
            return false;
        }
    }

    /// <summary>Evaluates against a CloudEvent in its JSON form; never throws for any JSON input.</summary>
    public RouteEvaluation Evaluate(JsonElement cloudEvent)
    {
        if (cloudEvent.ValueKind != JsonValueKind.Object)
        {
            return new RouteEvaluation(false, $"the event is a JSON {cloudEvent.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var result = _root.Evaluate(CelValue.FromJson(cloudEvent));
        return result.Kind switch
        {
            CelKind.Bool => new RouteEvaluation(result.AsBool, null),
            CelKind.Error => new RouteEvaluation(false, result.ErrorMessage),
            _ => new RouteEvaluation(false, $"the expression yielded {CelValue.WithArticle(result.TypeName)}, not a bool"),
        };
    }

    public override string ToString() => Source;

    /// <summary>"column N" (1-based, in Unicode characters), with "line L, " in front for multi-line sources.</summary>
    internal static string DescribePosition(string source, int position)
    {
        var lineStart = position == 0 ? 0 : source.LastIndexOf('\n', position - 1) + 1;
        var column = 1;
        foreach (var _ in source.AsSpan(lineStart, position - lineStart).EnumerateRunes())
        {
            column++;
        }

        if (!source.Contains('\n'))
        {
            return $"column {column}";
        }

        var line = source.AsSpan(0, lineStart).Count('\n') + 1;
        return $"line {line}, column {column}";
    }
}
