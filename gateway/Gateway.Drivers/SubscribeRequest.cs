namespace Gateway.Drivers;

/// <summary>A request to consume one topic as a member of one consumer group.</summary>
/// <param name="Topic">The broker topic (or stream) name.</param>
/// <param name="ConsumerGroup">Members of one group compete for messages; every group gets every message.</param>
/// <param name="Metadata">Subscription metadata from the subscription declaration.</param>
/// <param name="MaxConcurrency">How many messages of this subscription may be handled at once (at least 1).</param>
public sealed record SubscribeRequest(
    string Topic,
    string ConsumerGroup,
    IReadOnlyDictionary<string, string> Metadata,
    int MaxConcurrency = 1);
