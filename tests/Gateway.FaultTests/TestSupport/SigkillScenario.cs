using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// Publish a stream of messages through the real gateway to a slow subscriber app, SIGKILL the
/// gateway while deliveries are in flight, start it again on the same resources (same consumer
/// group), and count what the app received.
/// </summary>
internal static class SigkillScenario
{
    private const int Connections = 4;
    private static readonly TimeSpan AppLatency = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <param name="componentType">The driver, named in the outcome line.</param>
    /// <param name="component">The YAML of a component named <see cref="ResourceFolder.ComponentName"/>.</param>
    /// <param name="killAfterDelivered">Distinct deliveries the app must have seen before the kill.</param>
    public static async Task<SigkillOutcome> RunAsync(
        FaultPki pki, string componentType, string component, int messages, int killAfterDelivered, ITestOutputHelper output)
    {
        await using var subscriber = await TestSubscriber.StartAsync(pki.Subscriber, pki.Ca);
        // Slow answers keep deliveries in flight when the kill lands.
        subscriber.Reply = async _ =>
        {
            await Task.Delay(AppLatency);
            return (200, "");
        };
        using var resources = ResourceFolder.Write(component, subscriber.BaseAddress, ResourceFolder.Unique("kill"), ResourceFolder.Unique("group"));
        var load = new PublishLoad(messages);

        var first = await RunningGateway.StartAsync(pki, resources.Directory, resources.ResourcesDirectory);
        using (var client = pki.PublisherClient(first.Address))
        {
            var publishing = load.RunAsync(client, resources.PublishPath, Connections);
            await WaitAsync(() => DeliveryCounts.Of(subscriber).Count >= killAfterDelivered, $"{killAfterDelivered} deliveries before the kill", first);
            await first.KillAsync();
            await publishing;
        }

        var acceptedAtKill = load.Accepted.Count;
        var deliveredAtKill = DeliveryCounts.Of(subscriber).Count;
        output.WriteLine($"killed the gateway after {deliveredAtKill} distinct deliveries; {acceptedAtKill} publishes had got 204, {load.Remaining} not yet sent");

        await using var second = await RunningGateway.StartAsync(pki, resources.Directory, resources.ResourcesDirectory);
        using (var client = pki.PublisherClient(second.Address))
        {
            await load.RunAsync(client, resources.PublishPath, Connections);
        }

        var accepted = load.Accepted;
        try
        {
            await WaitAsync(() => DeliveryCounts.Missing(accepted, DeliveryCounts.Of(subscriber)).Count == 0, "every accepted message delivered after the restart", second);
        }
        catch (TimeoutException)
        {
            // The outcome below names what is missing.
        }

        var counts = DeliveryCounts.Of(subscriber);
        var outcome = new SigkillOutcome(
            messages, accepted.Count, acceptedAtKill, deliveredAtKill, subscriber.Received.Count, DeliveryCounts.Duplicates(counts), DeliveryCounts.Missing(accepted, counts));
        output.WriteLine(outcome.Describe(componentType));
        return outcome;
    }

    private static async Task WaitAsync(Func<bool> condition, string what, RunningGateway gateway)
    {
        try
        {
            await Eventually.TrueAsync(condition, what, Patience);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\ngateway stderr:\n{gateway.StandardError}", ex);
        }
    }
}
