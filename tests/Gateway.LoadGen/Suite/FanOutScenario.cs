using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>Fan-out: every publish delivered to 1 app, then to N apps, at the same publish rate.</summary>
internal sealed class FanOutScenario : IScenario
{
    public static readonly BrokerKind[] Brokers = [BrokerKind.InMemory, BrokerKind.Redis];

    public string Key => "fan-out";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<RunResult>();
        var shape = new LoadShape(LoadMode.Rate, settings.RateConnections, settings.FanOutRate, settings.Warmup, settings.Duration);
        foreach (var broker in Brokers)
        {
            foreach (var apps in new[] { 1, settings.FanOutApps })
            {
                var topic = rig.NewTopic("fanout");
                var gateway = await rig.StartGatewayAsync([broker], [.. Enumerable.Range(0, apps).Select(app => new BenchSubscription(broker, topic, app))]);
                await using (var target = rig.GatewayTarget(gateway, broker, topic, settings.RateConnections))
                {
                    await rig.WaitUntilDeliveringAsync(target, apps, cancellationToken);
                    rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Gateway(broker, subscribedApps: apps), target, shape, gateway, cancellationToken)));
                }

                await rig.StopAsync(gateway);
            }
        }

        return new ScenarioResult(
            Key,
            $"Fan-out to {settings.FanOutApps} subscribing apps",
            $"Publishes at {settings.FanOutRate:0} msg/s to a topic that 1 app, then {settings.FanOutApps} apps (each an App resource with its own SVID and its own mTLS port, all hosted by the load generator) subscribe to; "
            + $"{settings.FanOutApps} apps means {settings.FanOutApps}× the deliveries. Drivers: {string.Join(", ", Brokers.Select(b => b.ComponentType()))} "
            + "(Kafka is left out: ten consumer groups joining librdkafka's mock cluster dominate the run).",
            ["target", "apps", "rate", "rps", "cpu", "errors", "p50", "p99", "dps", "delivered", "dp50", "dp99", "dp999", "rss"],
            rows);
    }
}
