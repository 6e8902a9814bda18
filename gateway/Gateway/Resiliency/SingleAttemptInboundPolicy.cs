namespace Gateway.Resiliency;

/// <summary>One delivery attempt, no retries: the inbound policy of a target without any Resiliency policy.</summary>
internal sealed class SingleAttemptInboundPolicy : IInboundPolicy
{
    public static SingleAttemptInboundPolicy Instance { get; } = new();

    public Task<AppReply> ExecuteAsync(Func<CancellationToken, Task<AppReply>> attempt, CancellationToken cancellationToken) =>
        attempt(cancellationToken);
}
