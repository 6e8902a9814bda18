using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>Bulk publish throughput, closed loop, beside the no-op endpoint receiving the same bodies.</summary>
internal sealed class BulkPublishScenario : IScenario
{
    public string Key => "bulk-publish";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var shape = new LoadShape(LoadMode.Closed, settings.Connections, 0, settings.Warmup, settings.Duration);
        var rows = new List<RunResult>();
        await using (var noop = await rig.NoopTargetAsync(settings.Connections, settings.BulkEntries))
        {
            rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Noop(), noop, shape, await rig.NoopAsync(), cancellationToken)));
        }

        foreach (var broker in Enum.GetValues<BrokerKind>())
        {
            var gateway = await rig.StartGatewayAsync([broker], []);
            await using (var target = rig.GatewayTarget(gateway, broker, rig.NewTopic("bulk"), settings.Connections, settings.BulkEntries))
            {
                rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Gateway(broker), target, shape, gateway, cancellationToken)));
            }

            await rig.StopAsync(gateway);
        }

        return new ScenarioResult(
            Key,
            "Bulk publish (closed loop)",
            $"Requests of {settings.BulkEntries} entries (each the {rig.PayloadBytes}-byte JSON payload, contentType application/json) to /v1.0-alpha1/publish/bulk, {settings.Connections} connections, closed loop; "
            + "messages/s counts entries. The no-op endpoint receives the same bodies. Server CPU is per request (of all its entries).",
            ["target", "rps", "mps", "vsNoop", "cpu", "cpuAdded", "errors", "p50", "p99", "p999", "rss"],
            rows);
    }
}
