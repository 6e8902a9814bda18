using System.Diagnostics;
using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;
using Gateway.QuickBench;
using Gateway.Tests.TestSupport;

// Usage: dotnet Gateway.QuickBench.dll [throughput-seconds=10] [rate-per-second=200] [latency-seconds=5] [connections=4]
var throughputSeconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
var rate = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
var latencySeconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
var connectionCount = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4;

using var pki = await BenchPki.CreateAsync();
await using var redis = await RedisServer.StartAsync(appendOnly: false);
using var kafka = new MockKafkaCluster(brokerCount: 1);
kafka.CreateTopic(BenchResources.ThroughputTopic, partitions: 1);
kafka.CreateTopic(BenchResources.LatencyTopic, partitions: 1);

var clock = Stopwatch.StartNew();
var latency = new FixedRate(clock);
await using var subscriber = await TestSubscriber.StartAsync(pki.Subscriber, pki.Ca);
subscriber.Reply = delivery =>
{
    if (delivery.Json.TryGetProperty("data", out var data) && data.TryGetProperty("id", out var id))
    {
        latency.Delivered(id.GetString()!);
    }

    return Task.FromResult((200, ""));
};
await using var baseline = await NoopEndpoint.StartAsync(pki.Subscriber);

var work = Directory.CreateTempSubdirectory("gateway-bench-").FullName;
var resources = BenchResources.Write(work, redis.Address, kafka.BootstrapServers, subscriber.BaseAddress);
await using var gateway = GatewayProcess.Start(work, ["run", "--listen", "https://127.0.0.1:0", "--resources-path", resources, .. pki.RunArguments]);
await gateway.WaitForOutputAsync("gateway listening on ");
var gatewayAddress = new Uri(gateway.StandardOutput.Split('\n').First(l => l.StartsWith("gateway listening on ", StringComparison.Ordinal)).Split(' ')[3]);

var targets = new List<(string Name, Uri Address, string ThroughputPath, string LatencyPath, bool Delivers)>
{
    ("baseline: no-op Kestrel, mTLS", baseline.Address, "/noop", "/noop", false),
};
targets.AddRange(BenchResources.Components.Select(c =>
    ($"gateway → pubsub.{(c == "memory" ? "in-memory" : c)}", gatewayAddress, $"/v1.0/publish/{c}/{BenchResources.ThroughputTopic}", $"/v1.0/publish/{c}/{BenchResources.LatencyTopic}", true)));

List<HttpClient> Connect(Uri address) => [.. Enumerable.Range(0, connectionCount).Select(_ => MtlsClient.Create(address, pki.Ca, pki.Publisher))];

// Every subscription must be receiving before latency is measured (Kafka joins its group first).
foreach (var component in BenchResources.Components)
{
    var warm = Connect(gatewayAddress);
    var (_, ids) = await latency.RunAsync(warm, $"/v1.0/publish/{component}/{BenchResources.LatencyTopic}", $"warm-{component}", 20, TimeSpan.FromSeconds(1));
    await latency.DeliveryTimesAsync(ids);
    warm.ForEach(c => c.Dispose());
}

var rows = new List<string>();
double? baselineRate = null;
foreach (var target in targets)
{
    var connections = Connect(target.Address);
    await ClosedLoop.RunAsync(connections, target.ThroughputPath, TimeSpan.FromSeconds(2));
    var (perSecond, failures) = await ClosedLoop.RunAsync(connections, target.ThroughputPath, TimeSpan.FromSeconds(throughputSeconds));
    baselineRate ??= perSecond;
    var (roundTrips, accepted) = await latency.RunAsync(connections, target.LatencyPath, $"lat-{rows.Count}", rate, TimeSpan.FromSeconds(latencySeconds));
    var delivery = target.Delivers ? FixedRate.Percentiles(await latency.DeliveryTimesAsync(accepted)) : "n/a";
    connections.ForEach(c => c.Dispose());
    rows.Add($"| {target.Name} | {perSecond:0} | {perSecond / baselineRate.Value:0.00} | {failures} | {FixedRate.Percentiles(roundTrips)} | {delivery} |");
    Console.Error.WriteLine($"done: {target.Name}");
}

Console.WriteLine($"{Environment.ProcessorCount} cores; {connectionCount} connections × {throughputSeconds} s closed loop; latency at {rate}/s for {latencySeconds} s");
Console.WriteLine();
Console.WriteLine("| target | requests/s | vs baseline | failed | request p50 / p99 ms | publish→delivery p50 / p99 ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
rows.ForEach(Console.WriteLine);
Directory.Delete(work, recursive: true);
