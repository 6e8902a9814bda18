using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>
/// What subscriptions cost when nothing is published: a gateway with 1, then many subscriptions (one app, one topic
/// each), every one of them shown to deliver, then left alone for a window.
/// </summary>
internal sealed class IdleSubscriptionsScenario : IScenario
{
    public static readonly BrokerKind[] Brokers = [BrokerKind.InMemory, BrokerKind.Redis];

    public string Key => "idle";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<RunResult>();
        var shape = new LoadShape(LoadMode.Idle, 0, 0, settings.IdleSettle, settings.IdleWindow);
        foreach (var broker in Brokers)
        {
            foreach (var count in new[] { 1, settings.ManySubscriptions })
            {
                var prefix = rig.NewTopic("idle");
                var subscriptions = Enumerable.Range(0, count).Select(i => new BenchSubscription(broker, $"{prefix}-{i}", 0)).ToList();
                var gateway = await rig.StartGatewayAsync([broker], subscriptions);
                await rig.WaitUntilEverySubscriptionDeliversAsync(gateway, subscriptions, cancellationToken);
                await using (var unused = rig.GatewayTarget(gateway, broker, subscriptions[0].Topic, 1))
                {
                    var run = RunDescription.Gateway(broker, subscriptions: count, label: $"gateway → {broker.ComponentType()}, {count} subscription(s)");
                    rows.Add(Progress.Report(Key, await rig.MeasureAsync(run, unused, shape, gateway, cancellationToken)));
                }

                await rig.StopAsync(gateway);
            }
        }

        return new ScenarioResult(
            Key,
            $"Idle subscriptions: 1 against {settings.ManySubscriptions}",
            $"One app subscribed to 1 topic, then to {settings.ManySubscriptions} topics; one message published to every topic and delivered (every subscription running), "
            + $"{settings.IdleSettle.TotalSeconds:0} s to settle, then {settings.IdleWindow.TotalSeconds:0} s without any publish. CPU is the gateway process's user + system time over that window "
            + "as a share of one core; Redis client connections are the redis-server's connected_clients at the end of the window (INFO clients over a connection of its own, not counted). "
            + $"Drivers: {string.Join(", ", Brokers.Select(b => b.ComponentType()))}.",
            ["target", "subscriptions", "cpuPercent", "redisClients", "rss"],
            rows);
    }
}
