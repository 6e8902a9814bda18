namespace Gateway.Resiliency;

/// <summary>One publish attempt, no timeout, no retries: what Dapr does when no Resiliency policy applies.</summary>
internal sealed class SingleAttemptOutboundPolicy : IOutboundPolicy
{
    public static SingleAttemptOutboundPolicy Instance { get; } = new();

    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> publish, CancellationToken cancellationToken) =>
        publish(cancellationToken);
}
