using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>Publish-to-delivery latency at fixed rates, one subscribed app, each driver.</summary>
internal sealed class DeliveryLatencyScenario : IScenario
{
    public string Key => "delivery-latency";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<RunResult>();
        foreach (var broker in Enum.GetValues<BrokerKind>())
        {
            var topic = rig.NewTopic("deliver");
            var gateway = await rig.StartGatewayAsync([broker], [new BenchSubscription(broker, topic, 0)]);
            await using (var target = rig.GatewayTarget(gateway, broker, topic, settings.RateConnections))
            {
                await rig.WaitUntilDeliveringAsync(target, 1, cancellationToken);
                foreach (var rate in settings.DeliveryRates)
                {
                    var shape = new LoadShape(LoadMode.Rate, settings.RateConnections, rate, settings.Warmup, settings.Duration);
                    rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Gateway(broker, subscribedApps: 1), target, shape, gateway, cancellationToken)));
                }
            }

            await rig.StopAsync(gateway);
        }

        return new ScenarioResult(
            Key,
            "Publish-to-delivery latency at fixed rates",
            $"One app (Kestrel, mTLS, in the load generator's process) subscribed to the topic; publishes at {string.Join(", ", settings.DeliveryRates)} msg/s as in the publish latency table. "
            + "Delivery latency runs from the publish's due time (a timestamp in the payload) to the app reading the delivered CloudEvent. The run waits until a first delivery arrived (a Kafka consumer has joined its group) before measuring, "
            + "and after it until every accepted publish was delivered, none arrived for 5 s, or 60 s passed.",
            ["rate", "target", "rps", "cpu", "errors", "p50", "p99", "delivered", "dp50", "dp90", "dp99", "dp999", "rss"],
            [.. rows.OrderBy(r => r.TargetRate)]);
    }
}
