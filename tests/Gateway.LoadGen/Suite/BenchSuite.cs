using System.Diagnostics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Targets;

namespace Gateway.LoadGen.Suite;

/// <summary>Runs the scenarios in order on one rig; a scenario that fails is reported and the others still run.</summary>
internal static class BenchSuite
{
    private static readonly IScenario[] Scenarios =
    [
        new ThroughputScenario(),
        new PublishLatencyScenario(),
        new DeliveryLatencyScenario(),
        new BulkPublishScenario(),
        new FanOutScenario(),
        new SubscriptionCountScenario(),
        new IdleSubscriptionsScenario(),
        new HandshakeScenario(),
    ];

    public static IReadOnlyList<string> Keys => [.. Scenarios.Select(s => s.Key)];

    public static async Task<(BenchReport Report, bool Failed)> RunAsync(
        SuiteSettings settings, IReadOnlyCollection<string>? only, HttpClientKind client, int payloadBytes, string commandLine, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = MachineInfo.Read();
        var results = new List<ScenarioResult>();
        var failed = false;
        await using (var rig = await BenchRig.StartAsync(settings.FanOutApps, client, payloadBytes))
        {
            foreach (var scenario in Scenarios.Where(s => only is null || only.Contains(s.Key)))
            {
                try
                {
                    results.Add((await scenario.RunAsync(rig, settings, cancellationToken)).WithCpuAddedOverNoop());
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or Drivers.DriverException)
                {
                    failed = true;
                    Console.Error.WriteLine($"scenario '{scenario.Key}' failed: {ex}");
                    results.Add(new ScenarioResult(scenario.Key, scenario.Key, $"FAILED: {ex.Message}", ["target"], []));
                }
            }
        }

        results.Add(MemorySummary.From(results));
        return (new BenchReport(commandLine, started, Math.Round(clock.Elapsed.TotalSeconds, 1), machine, results), failed);
    }
}
