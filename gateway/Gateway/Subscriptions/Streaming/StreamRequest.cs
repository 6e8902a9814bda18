namespace Gateway.Subscriptions.Streaming;

/// <summary>What an app asks for when it opens a streaming subscription (Dapr's <c>initial_request</c>).</summary>
/// <param name="PubsubName">The pubsub component, as the app names it.</param>
/// <param name="Topic">The topic, as the app names it.</param>
/// <param name="Metadata">Subscription metadata (<c>rawPayload</c>, a consumer group the app may name only if it is its own).</param>
/// <param name="DeadLetterTopic">Where events the app drops go; null for none.</param>
internal sealed record StreamRequest(string PubsubName, string Topic, IReadOnlyDictionary<string, string> Metadata, string? DeadLetterTopic);
