namespace Gateway.Resiliency;

/// <summary>
/// How delivery attempts of one message are repeated before the handler gives its outcome (the inbound
/// direction of Dapr's resiliency policies). Without a Resiliency policy there is exactly one attempt,
/// as in Dapr; the broker's redelivery then retries later.
/// </summary>
internal interface IInboundPolicy
{
    Task<AppReply> ExecuteAsync(Func<CancellationToken, Task<AppReply>> attempt, CancellationToken cancellationToken);
}
