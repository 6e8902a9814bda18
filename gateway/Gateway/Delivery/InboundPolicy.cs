namespace Gateway.Delivery;

/// <summary>
/// How delivery attempts of one message are repeated before the handler gives its outcome
/// (spec/dapr-pubsub.md §7, inbound). Without a Resiliency policy there is exactly one attempt, as in
/// Dapr; the broker's redelivery then retries later.
/// </summary>
internal interface IInboundPolicy
{
    Task<AppReply> ExecuteAsync(Func<CancellationToken, Task<AppReply>> attempt, CancellationToken cancellationToken);
}

/// <summary>One attempt, no retries.</summary>
internal sealed class SingleAttemptPolicy : IInboundPolicy
{
    public static SingleAttemptPolicy Instance { get; } = new();

    public Task<AppReply> ExecuteAsync(Func<CancellationToken, Task<AppReply>> attempt, CancellationToken cancellationToken) =>
        attempt(cancellationToken);
}
