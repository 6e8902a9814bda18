using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Gateway.Routing;

/// <summary>
/// A subscription's ordered routing rules. The first rule whose match is empty or evaluates to
/// true wins; an evaluation error in a rule reached before any match is a routing error.
/// Immutable and thread-safe.
/// </summary>
internal sealed class RouteTable
{
    private readonly RouteRule[] _rules;

    private RouteTable(RouteRule[] rules) => _rules = rules;

    public IReadOnlyList<RouteRule> Rules => _rules;

    /// <summary>
    /// Compiles the rules in order (the caller appends Dapr's default route as a last catch-all).
    /// Every invalid rule is reported, one per line, each naming its index and path.
    /// </summary>
    public static bool TryCreate(
        IReadOnlyList<(string? Match, string Path)> rules,
        [MaybeNullWhen(false)] out RouteTable table,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var compiled = new RouteRule[rules.Count];
        var problems = new List<string>();
        for (var index = 0; index < rules.Count; index++)
        {
            var (match, path) = rules[index];
            var name = RouteRule.Describe(index, path);
            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add($"rules[{index}]: the path is empty");
            }
            else if (RoutePath.Problem(path) is { } pathProblem)
            {
                problems.Add($"{name}: the path is not a path under the app's baseUrl: {pathProblem}");
            }

            RouteExpression? expression = null;
            if (!string.IsNullOrWhiteSpace(match) && !RouteExpression.TryParse(match, out expression, out var matchError))
            {
                problems.Add($"{name}: {matchError}");
            }

            compiled[index] = new RouteRule(index, expression, path);
        }

        if (problems.Count > 0)
        {
            table = null;
            error = string.Join('\n', problems);
            return false;
        }

        table = new RouteTable(compiled);
        error = string.Empty;
        return true;
    }

    /// <summary>Chooses the path for one CloudEvent (in its JSON form).</summary>
    public RouteSelection Select(JsonElement cloudEvent)
    {
        foreach (var rule in _rules)
        {
            if (rule.Expression is null)
            {
                return new RouteSelection(rule.Path, null);
            }

            var evaluation = rule.Expression.Evaluate(cloudEvent);
            if (evaluation.Error is not null)
            {
                return new RouteSelection(null, $"{rule.Name}: match '{rule.Expression.Source}' failed: {evaluation.Error}");
            }

            if (evaluation.Matched)
            {
                return new RouteSelection(rule.Path, null);
            }
        }

        return new RouteSelection(null, null);
    }
}
