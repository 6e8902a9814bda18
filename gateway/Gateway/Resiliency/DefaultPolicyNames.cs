namespace Gateway.Resiliency;

/// <summary>
/// The policy names Dapr falls back to when a component has no explicit target for a policy kind,
/// most specific first (Dapr's resiliency policies, https://docs.dapr.io/operations/resiliency/policies/), e.g. <c>DefaultPubsubComponentInboundRetryPolicy</c> →
/// <c>DefaultComponentInboundRetryPolicy</c> → <c>DefaultComponentRetryPolicy</c> → <c>DefaultRetryPolicy</c>.
/// </summary>
internal static class DefaultPolicyNames
{
    public static IReadOnlyList<string> Retries(PolicyDirection direction) => For(direction, "Retry");

    public static IReadOnlyList<string> Timeouts(PolicyDirection direction) => For(direction, "Timeout");

    public static IReadOnlyList<string> CircuitBreakers(PolicyDirection direction) => For(direction, "CircuitBreaker");

    private static string[] For(PolicyDirection direction, string kind) =>
    [
        $"DefaultPubsubComponent{direction}{kind}Policy",
        $"DefaultComponent{direction}{kind}Policy",
        $"DefaultComponent{kind}Policy",
        $"Default{kind}Policy",
    ];
}
