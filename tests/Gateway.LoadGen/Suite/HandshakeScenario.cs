using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Suite;

/// <summary>New mTLS connections per second: one request per connection, closed loop.</summary>
internal sealed class HandshakeScenario : IScenario
{
    public string Key => "handshakes";

    public async Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken)
    {
        var shape = new LoadShape(LoadMode.Handshake, settings.Connections, 0, settings.Warmup, settings.Duration);
        var rows = new List<RunResult>();
        await using (var noop = await rig.NoopTargetAsync(settings.Connections, newConnectionPerRequest: true))
        {
            rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Noop(), noop, shape, await rig.NoopAsync(), cancellationToken)));
        }

        var gateway = await rig.StartGatewayAsync([BrokerKind.InMemory], []);
        await using (var target = rig.GatewayTarget(gateway, BrokerKind.InMemory, rig.NewTopic("handshake"), settings.Connections, newConnectionPerRequest: true))
        {
            rows.Add(Progress.Report(Key, await rig.MeasureAsync(RunDescription.Gateway(BrokerKind.InMemory), target, shape, gateway, cancellationToken)));
        }

        await rig.StopAsync(gateway);
        return new ScenarioResult(
            Key,
            "New mTLS connections per second",
            $"{settings.Connections} workers, each opening a new TCP+TLS connection (full handshake with client certificate; the server refuses resumption), sending one publish with Connection: close, "
            + "and closing; requests/s = connections/s. Latency covers connect, handshake and the request; server CPU per request is per connection.",
            ["target", "rps", "vsNoop", "cpu", "cpuAdded", "errors", "p50", "p90", "p99", "p999", "rss"],
            rows);
    }
}
