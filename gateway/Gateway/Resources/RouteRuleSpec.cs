namespace Gateway.Resources;

/// <summary>One routing rule of a subscription.</summary>
/// <param name="Match">
/// The CEL expression as written, not yet compiled. Null for the fallback route; an empty or
/// whitespace-only match also matches every event.
/// </param>
/// <param name="Path">The app path that receives matching events, such as <c>/orders</c>.</param>
internal sealed record RouteRuleSpec(string? Match, string Path);
