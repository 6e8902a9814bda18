namespace Gateway.Delivery;

/// <summary>When a batch of a bulk subscription is sent: once it holds <paramref name="MaxMessages"/>, or its oldest message has waited <paramref name="MaxAwait"/>.</summary>
internal readonly record struct BatchLimits(int MaxMessages, TimeSpan MaxAwait);
