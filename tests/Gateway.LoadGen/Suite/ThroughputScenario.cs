using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>Publish throughput, closed loop, beside the no-op endpoint and each broker written directly.</summary>
internal sealed class ThroughputScenario : IScenario
{
    public string Key => "throughput";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var shape = new LoadShape(LoadMode.Closed, settings.Connections, 0, settings.Warmup, settings.Duration);
        var rows = new List<RunResult>();
        await using (var noop = await rig.NoopTargetAsync(settings.Connections))
        {
            rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Noop(), noop, shape, await rig.NoopAsync(), cancellationToken)));
        }

        foreach (var broker in Enum.GetValues<BrokerKind>())
        {
            var topic = rig.NewTopic("throughput");
            var gateway = await rig.StartGatewayAsync([broker], []);
            await using (var target = rig.GatewayTarget(gateway, broker, topic, settings.Connections))
            {
                rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Gateway(broker), target, shape, gateway, cancellationToken)));
            }

            await rig.StopAsync(gateway);
            if (broker != BrokerKind.InMemory)
            {
                await using var direct = await rig.DirectTargetAsync(broker, rig.NewTopic("throughput-direct"));
                rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Direct(broker), direct, shape, null, cancellationToken)));
            }
        }

        return new ScenarioResult(
            Key,
            "Publish throughput (closed loop)",
            $"{settings.Connections} keep-alive mTLS connections, each sending its next publish when the previous one is answered; {settings.Warmup.TotalSeconds:0} s warm-up, {settings.Duration.TotalSeconds:0} s measured; "
            + $"{rig.PayloadBytes}-byte JSON payload to a topic without subscribers. A fresh gateway per driver. The direct rows write the same CloudEvent bytes with the gateway's own driver from the load generator's process "
            + $"(redis-direct: one driver, so one connection, per worker; kafka-direct: one shared producer, as in the gateway), with the same {settings.Connections} messages in flight."
            + " Server CPU is the user + system time of the gateway (or no-op endpoint) process over the measured window divided by its requests; the direct rows have no server process.",
            ["target", "rps", "vsNoop", "cpu", "cpuAdded", "errors", "p50", "p90", "p99", "p999", "rss"],
            rows);
    }
}
