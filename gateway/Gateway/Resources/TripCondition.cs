using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Resources;

/// <summary>
/// The part of a circuit breaker's CEL <c>trip</c> expression the gateway understands:
/// <c>consecutiveFailures &gt; N</c> or <c>consecutiveFailures &gt;= N</c> (Dapr's default is
/// <c>consecutiveFailures &gt; 5</c>). Any other expression is refused rather than guessed at.
/// </summary>
internal sealed partial record TripCondition(string Expression, long FailuresToTrip)
{
    /// <summary>What an accepted expression looks like, for error messages.</summary>
    public const string ExpectedForm = "'consecutiveFailures > N' or 'consecutiveFailures >= N' with N a whole number";

    /// <summary>True when this many consecutive failures open the breaker.</summary>
    public bool IsMetBy(long consecutiveFailures) => consecutiveFailures >= FailuresToTrip;

    public static bool TryParse(string expression, [NotNullWhen(true)] out TripCondition? condition)
    {
        condition = null;
        var match = Pattern().Match(expression);
        if (!match.Success || !long.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count >= long.MaxValue)
        {
            return false;
        }

        // The count is only checked after a failure, so ">= 0" behaves like ">= 1".
        var failuresToTrip = match.Groups["operator"].Value == ">" ? count + 1 : Math.Max(count, 1);
        condition = new TripCondition(expression, failuresToTrip);
        return true;
    }

    [GeneratedRegex(@"^\s*consecutiveFailures\s*(?<operator>>=|>)\s*(?<count>[0-9]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
