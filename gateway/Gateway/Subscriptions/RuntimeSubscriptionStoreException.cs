namespace Gateway.Subscriptions;

/// <summary>A runtime subscription store did not take a change; the message names the pubsub component and the store.</summary>
internal sealed class RuntimeSubscriptionStoreException(string message, bool isTransient, Exception innerException)
    : Exception(message, innerException)
{
    /// <summary>True when the same change may succeed later (broker down, busy).</summary>
    public bool IsTransient { get; } = isTransient;
}
