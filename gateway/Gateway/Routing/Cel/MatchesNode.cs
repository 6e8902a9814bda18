using System.Text.RegularExpressions;

namespace Gateway.Routing.Cel;

/// <summary>
/// <c>s.matches(pattern)</c>: true when the pattern matches anywhere in <c>s</c> (anchor with
/// <c>^...$</c> for a whole match). The pattern must be a literal so it is compiled once at
/// load time; .NET's non-backtracking engine keeps matching linear, as RE2 does.
/// </summary>
internal sealed class MatchesNode(int position, CelNode receiver, Regex pattern) : CelNode(position, receiver)
{
    /// <summary>A backstop only: the non-backtracking engine is linear in the input.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public override CelKind? StaticKind => CelKind.Bool;

    /// <summary>Compiles a pattern, or returns the reason it cannot be used.</summary>
    public static Regex? TryCompile(string pattern, out string problem)
    {
        try
        {
            problem = string.Empty;
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            problem = $"invalid regular expression: {exception.Message}";
        }
        catch (NotSupportedException exception)
        {
            problem = $"the regular expression uses a construct RE2 does not have: {exception.Message}";
        }

        return null;
    }

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var text = receiver.Evaluate(cloudEvent);
        if (text.IsError)
        {
            return text;
        }

        if (text.Kind != CelKind.String)
        {
            return CelValue.Error($"no such overload: {text.TypeName}.matches(string)");
        }

        try
        {
            return CelValue.Bool(pattern.IsMatch(text.AsString));
        }
        catch (RegexMatchTimeoutException)
        {
            return CelValue.Error($"the regular expression timed out after {MatchTimeout.TotalMilliseconds} ms");
        }
    }
}
