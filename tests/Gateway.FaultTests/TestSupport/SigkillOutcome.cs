namespace Gateway.FaultTests.TestSupport;

/// <summary>What one kill-and-restart run observed.</summary>
/// <param name="Messages">Messages the publishers tried to publish.</param>
/// <param name="Accepted">Publishes that got 204 (promises), across both gateway runs.</param>
/// <param name="AcceptedAtKill">Publishes that had got 204 when the gateway was killed.</param>
/// <param name="DeliveredAtKill">Distinct messages the app had received when the gateway was killed.</param>
/// <param name="Deliveries">Requests the app received in total.</param>
/// <param name="Duplicates">Deliveries beyond the first of each message.</param>
/// <param name="Missing">Accepted messages that never reached the app.</param>
internal sealed record SigkillOutcome(
    int Messages,
    int Accepted,
    int AcceptedAtKill,
    int DeliveredAtKill,
    int Deliveries,
    int Duplicates,
    IReadOnlyList<string> Missing)
{
    public string Describe(string driver) =>
        $"{driver}: N={Messages}, accepted (204)={Accepted}, SIGKILL after {DeliveredAtKill} distinct deliveries " +
        $"({AcceptedAtKill} accepted at that point), deliveries={Deliveries}, duplicates={Duplicates}, missing={Missing.Count}" +
        (Missing.Count > 0 ? $" (e.g. {string.Join(", ", Missing.Take(10))})" : "");
}
