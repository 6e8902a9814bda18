namespace Gateway.Subscriptions;

/// <summary>One routing rule: deliver to <paramref name="Path"/> when <paramref name="Match"/> holds (null or blank: always).</summary>
internal sealed record SubscriptionRule(string? Match, string Path);
