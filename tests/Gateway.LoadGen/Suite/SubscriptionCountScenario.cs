using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>1 subscription against many (one app, one topic each), publishing to one of them.</summary>
internal sealed class SubscriptionCountScenario : IScenario
{
    public static readonly BrokerKind[] Brokers = [BrokerKind.InMemory, BrokerKind.Redis];

    public string Key => "subscriptions";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<RunResult>();
        var shape = new LoadShape(LoadMode.Rate, settings.RateConnections, settings.SubscriptionsRate, settings.Warmup, settings.Duration);
        foreach (var broker in Brokers)
        {
            foreach (var count in new[] { 1, settings.ManySubscriptions })
            {
                var prefix = rig.NewTopic("many");
                var subscriptions = Enumerable.Range(0, count).Select(i => new BenchSubscription(broker, $"{prefix}-{i}", 0)).ToList();
                var gateway = await rig.StartGatewayAsync([broker], subscriptions);
                await using (var target = rig.GatewayTarget(gateway, broker, subscriptions[0].Topic, settings.RateConnections))
                {
                    await rig.WaitUntilDeliveringAsync(target, 1, cancellationToken);
                    var run = RunDescription.Gateway(broker, subscribedApps: 1, subscriptions: count, label: $"gateway → {broker.ComponentType()}, {count} subscription(s)");
                    rows.Add(Progress.Report(Key, await rig.MeasureAsync(run, target, shape, gateway, cancellationToken)));
                }

                await rig.StopAsync(gateway);
            }
        }

        return new ScenarioResult(
            Key,
            $"1 against {settings.ManySubscriptions} subscriptions",
            $"One app subscribed to 1 topic, then to {settings.ManySubscriptions} topics ({settings.ManySubscriptions} Subscription resources); publishes at {settings.SubscriptionsRate:0} msg/s to one of them. "
            + $"Shows what idle subscriptions cost the publish and delivery paths and the memory. Drivers: {string.Join(", ", Brokers.Select(b => b.ComponentType()))}.",
            ["target", "subscriptions", "rate", "rps", "cpu", "errors", "p50", "p99", "delivered", "dp50", "dp99", "rss"],
            rows);
    }
}
