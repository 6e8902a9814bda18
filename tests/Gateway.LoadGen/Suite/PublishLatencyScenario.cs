using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>Publish latency at fixed rates (open loop, corrected for coordinated omission), beside the no-op endpoint and the direct baselines.</summary>
internal sealed class PublishLatencyScenario : IScenario
{
    public string Key => "publish-latency";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<RunResult>();
        LoadShape Shape(double rate) => new(LoadMode.Rate, settings.RateConnections, rate, settings.Warmup, settings.Duration);
        await using (var noop = await rig.NoopTargetAsync(settings.RateConnections))
        {
            foreach (var rate in settings.PublishRates)
            {
                rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Noop(), noop, Shape(rate), await rig.NoopAsync(), cancellationToken)));
            }
        }

        foreach (var broker in Enum.GetValues<BrokerKind>())
        {
            var gateway = await rig.StartGatewayAsync([broker], []);
            await using (var target = rig.GatewayTarget(gateway, broker, rig.NewTopic("latency"), settings.RateConnections))
            {
                foreach (var rate in settings.PublishRates)
                {
                    rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Gateway(broker), target, Shape(rate), gateway, cancellationToken)));
                }
            }

            await rig.StopAsync(gateway);
            if (broker != BrokerKind.InMemory)
            {
                await using var direct = await rig.DirectTargetAsync(broker, rig.NewTopic("latency-direct"));
                foreach (var rate in settings.PublishRates)
                {
                    rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Direct(broker), direct, Shape(rate), null, cancellationToken)));
                }
            }
        }

        return new ScenarioResult(
            Key,
            "Publish latency at fixed rates",
            $"Open loop: publishes due at exact intervals ({string.Join(", ", settings.PublishRates)} msg/s) go out on the first free of {settings.RateConnections} keep-alive mTLS connections; "
            + $"latency runs from the due time to the answer, so a stall is charged to every publish queued behind it. {settings.Warmup.TotalSeconds:0} s warm-up, {settings.Duration.TotalSeconds:0} s measured, "
            + $"{rig.PayloadBytes}-byte payload, topic without subscribers. \"p99 over no-op\" subtracts the no-op endpoint's p99 at the same rate, \"CPU added over no-op\" its CPU per request. "
            + "Publishes still queued 10 s after the window count as errors.",
            ["rate", "target", "rps", "cpu", "cpuAdded", "errors", "p50", "p90", "p99", "p999", "max", "addedP99", "rss"],
            [.. rows.OrderBy(r => r.TargetRate)]);
    }
}
