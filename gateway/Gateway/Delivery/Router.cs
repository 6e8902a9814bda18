using Gateway.Subscriptions;

namespace Gateway.Delivery;

/// <summary>
/// Picks the delivery path of a message: the first rule whose match holds. Only rules without a
/// match expression are supported for now; a subscription with match expressions is refused when
/// it is started, so nothing is routed by a rule the gateway cannot evaluate.
/// </summary>
internal sealed class Router
{
    private readonly IReadOnlyList<SubscriptionRule> _rules;

    private Router(IReadOnlyList<SubscriptionRule> rules) => _rules = rules;

    public static bool TryCreate(IReadOnlyList<SubscriptionRule> rules, out Router router, out string error)
    {
        var withMatch = rules.FirstOrDefault(rule => !string.IsNullOrWhiteSpace(rule.Match));
        if (withMatch is not null)
        {
            router = null!;
            error = $"routing rule match expressions are not supported yet (rule '{withMatch.Match}' for path '{withMatch.Path}'); use a default route";
            return false;
        }

        router = new Router(rules);
        error = "";
        return true;
    }

    /// <summary>The path to deliver to, with a leading slash; null when no rule matches.</summary>
    public string? SelectPath()
    {
        foreach (var rule in _rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Match))
            {
                return rule.Path.StartsWith('/') ? rule.Path : "/" + rule.Path;
            }
        }

        return null;
    }
}
