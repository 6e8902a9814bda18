using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Cli;

/// <summary>
/// <c>versus</c>: closed-loop throughput of the no-op endpoint and of the gateway (one process per pubsub, and per
/// build when <c>--baseline-dll</c> names another build's gateway.dll), measured in interleaved rounds with the
/// order rotated each round. Every ratio is taken within one round, against that round's no-op measurement, and the
/// median over the rounds is reported: on a shared machine a burst of other work then lands on one round of every
/// target instead of on one target. With <c>--delivery-rate</c> each round also measures every gateway's
/// publish-to-delivery latency (one subscribed app, fixed rate, 32 connections), in the same rotated order.
/// Each measurement also reads its server's CPU over exactly the measured window (<see cref="BenchRig.MeasureAsync"/>, as
/// <c>run</c> and <c>suite</c> do); <see cref="VersusRounds"/> turns the rounds into the columns.
/// </summary>
internal static class VersusCommand
{
    public static Command Create()
    {
        var pubsubs = new Option<string>("--pubsub") { Description = "comma-separated: inmemory, redis, kafka", DefaultValueFactory = _ => "inmemory,redis" };
        var rounds = new Option<int>("--rounds") { Description = "measurements of every target", DefaultValueFactory = _ => 5 };
        var connections = new Option<int>("--connections") { Description = "keep-alive mTLS connections (workers)", DefaultValueFactory = _ => 4 };
        var duration = new Option<string>("--duration") { Description = "measured window of one measurement", DefaultValueFactory = _ => "5s" };
        var warmup = new Option<string>("--warmup") { Description = "load before a target's first measurement (JIT tiering), not counted", DefaultValueFactory = _ => "10s" };
        var baselineDll = new Option<string?>("--baseline-dll") { Description = "another build's gateway.dll, measured beside this build's (before/after)" };
        var baselineEnv = new Option<string[]>("--baseline-env")
        {
            Description = "NAME=VALUE for a second gateway of this build (or of --baseline-dll), measured beside the first (a runtime setting's effect); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var deliveryRate = new Option<double>("--delivery-rate")
        {
            Description = "also measure publish-to-delivery latency of every gateway in each round, at this many msg/s to a topic one app subscribes to (0: off)",
            DefaultValueFactory = _ => 0,
        };
        var output = new Option<string?>("--out") { Description = "also write the JSON document to this file" };
        var grpc = new Option<bool>("--grpc") { Description = "also measure each gateway through Dapr's gRPC PublishEvent (unary calls; one channel shared by the workers, as a DaprClient, and a channel per worker) on the same process" };
        var payload = new Option<int>("--payload") { Description = "bytes of each message's JSON data", DefaultValueFactory = _ => 256 };
        var command = new Command("versus", "Interleaved closed-loop throughput: no-op endpoint, this build's gateway and optionally another build's.")
        {
            pubsubs, rounds, connections, duration, warmup, baselineDll, baselineEnv, deliveryRate, output, grpc, payload,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var brokers = parse.GetValue(pubsubs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(text => BrokerKinds.TryParse(text, out var kind) ? kind : throw new ArgumentException($"--pubsub '{text}' is not one of inmemory, redis, kafka"))
                    .ToList();
                var otherBuild = parse.GetValue(baselineDll) is { } dll ? Path.GetFullPath(dll) : null;
                if (otherBuild is not null && !File.Exists(otherBuild))
                {
                    throw new ArgumentException($"--baseline-dll '{otherBuild}' does not exist; build the other revision first (dotnet build -c Release)");
                }

                var environment = new Dictionary<string, string>();
                NameValuePairs.AddTo(environment, parse.GetValue(baselineEnv) ?? [], "--baseline-env");

                var table = await RunAsync(
                    brokers, otherBuild, environment, Math.Max(1, parse.GetValue(rounds)), parse.GetValue(connections),
                    DurationText.Parse(parse.GetValue(duration)!), DurationText.Parse(parse.GetValue(warmup)!), parse.GetValue(deliveryRate), parse.GetValue(grpc), parse.GetValue(payload), cancellationToken);
                var json = JsonSerializer.Serialize(table, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
                if (parse.GetValue(output) is { } path)
                {
                    await File.WriteAllTextAsync(path, json, cancellationToken);
                }

                Console.Out.WriteLine(json);
                Console.Error.WriteLine(Markdown(table));
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<VersusTable> RunAsync(
        IReadOnlyList<BrokerKind> brokers, string? otherBuild, IReadOnlyDictionary<string, string> otherEnvironment, int rounds, int connections, TimeSpan duration, TimeSpan warmup,
        double deliveryRate, bool grpc, int payloadBytes, CancellationToken cancellationToken)
    {
        const int DeliveryConnections = 32;
        await using var rig = await BenchRig.StartAsync(1, Targets.HttpClientKind.Raw, payloadBytes);
        var targets = new List<(string Label, ILoadTarget Target, ServerProcess Server)>
        {
            ("no-op endpoint (HTTP+mTLS ceiling)", await rig.NoopTargetAsync(connections), await rig.NoopAsync()),
        };
        // Per gateway row: the target publishing to a topic one app subscribes to (null for the no-op row).
        var deliveryTargets = new List<(ILoadTarget Target, BrokerKind Broker)?> { null };
        foreach (var broker in brokers)
        {
            var deliveryTopic = rig.NewTopic("versus-delivery");
            IReadOnlyList<BenchSubscription> subscriptions = deliveryRate > 0 ? [new BenchSubscription(broker, deliveryTopic, 0)] : [];
            var gateway = await rig.StartGatewayAsync([broker], subscriptions);
            targets.Add(($"gateway → {broker.ComponentName()}", rig.GatewayTarget(gateway, broker, rig.NewTopic("versus"), connections), gateway));
            deliveryTargets.Add(deliveryRate > 0 ? (rig.GatewayTarget(gateway, broker, deliveryTopic, DeliveryConnections), broker) : null);
            if (grpc)
            {
                // gRPC rows publish only; publish→delivery is measured on the HTTP row of the same gateway.
                var shared = new Targets.GrpcTarget(gateway.Endpoint, broker.ComponentName(), rig.NewTopic("versus-grpc"), rig.Payload, rig.Tls, sharedChannel: true);
                targets.Add(($"gateway, gRPC PublishEvent, one channel → {broker.ComponentName()}", shared, gateway));
                deliveryTargets.Add(null);
                var perConnection = new Targets.GrpcTarget(gateway.Endpoint, broker.ComponentName(), rig.NewTopic("versus-grpc"), rig.Payload, rig.Tls, sharedChannel: false);
                targets.Add(($"gateway, gRPC PublishEvent, a channel per connection → {broker.ComponentName()}", perConnection, gateway));
                deliveryTargets.Add(null);
            }

            if (otherBuild is not null || otherEnvironment.Count > 0)
            {
                var otherTopic = rig.NewTopic("versus-delivery");
                var other = await rig.StartGatewayAsync([broker], deliveryRate > 0 ? [new BenchSubscription(broker, otherTopic, 0)] : [], otherBuild, otherEnvironment);
                var label = string.Join(", ", new[] { otherBuild is null ? null : "baseline build" }
                    .Concat(otherEnvironment.Select(pair => $"{pair.Key}={pair.Value}")).OfType<string>());
                targets.Add(($"{label} → {broker.ComponentName()}", rig.GatewayTarget(other, broker, rig.NewTopic("versus"), connections), other));
                deliveryTargets.Add(deliveryRate > 0 ? (rig.GatewayTarget(other, broker, otherTopic, DeliveryConnections), broker) : null);
            }
        }

        foreach (var delivery in deliveryTargets.OfType<(ILoadTarget Target, BrokerKind Broker)>())
        {
            await rig.WaitUntilDeliveringAsync(delivery.Target, 1, cancellationToken);
        }

        var perRound = new double[targets.Count, rounds];
        var cpuPerRequest = new double[targets.Count, rounds];
        var deliveryP50 = new double[targets.Count, rounds];
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < targets.Count; step++)
            {
                var index = (step + round) % targets.Count;
                var shape = new LoadShape(LoadMode.Closed, connections, 0, round == 0 ? warmup : TimeSpan.FromSeconds(1), duration);
                var (label, target, server) = targets[index];
                var result = await rig.MeasureAsync(new RunDescription(label, index == 0 ? "noop" : "gateway", null), target, shape, server, cancellationToken);
                perRound[index, round] = result.ErrorCount == 0 ? result.RequestsPerSecond : double.NaN;
                cpuPerRequest[index, round] = result.ServerCpu?.MicrosecondsPerRequest ?? double.NaN;
                Console.Error.WriteLine($"round {round + 1}/{rounds}: {label}: {result.RequestsPerSecond:0} req/s, server CPU {VersusRounds.Cell(cpuPerRequest[index, round])} µs per request");
            }

            for (var step = 0; step < targets.Count; step++)
            {
                var index = (step + round) % targets.Count;
                deliveryP50[index, round] = double.NaN;
                if (deliveryTargets[index] is not { } delivery)
                {
                    continue;
                }

                var shape = new LoadShape(LoadMode.Rate, DeliveryConnections, deliveryRate, TimeSpan.FromSeconds(1), duration);
                var result = await rig.MeasureAsync(RunDescription.Gateway(delivery.Broker, subscribedApps: 1), delivery.Target, shape, null, cancellationToken);
                deliveryP50[index, round] = result.Delivery is { } d && d.Delivered >= d.Expected && result.ErrorCount == 0 ? d.Latency.P50Ms : double.NaN;
                Console.Error.WriteLine($"round {round + 1}/{rounds}: {targets[index].Label}: delivery p50 {deliveryP50[index, round]:0.00} ms at {deliveryRate:0} msg/s");
            }
        }

        foreach (var (_, target, _) in targets)
        {
            await target.DisposeAsync();
        }

        foreach (var delivery in deliveryTargets.OfType<(ILoadTarget Target, BrokerKind Broker)>())
        {
            await delivery.Target.DisposeAsync();
        }

        var rows = new List<VersusRow>();
        for (var i = 0; i < targets.Count; i++)
        {
            var values = Enumerable.Range(0, rounds).Select(r => perRound[i, r]).ToArray();
            var ratios = Enumerable.Range(0, rounds).Select(r => perRound[i, r] / perRound[0, r]).ToArray();
            var cpu = Enumerable.Range(0, rounds).Select(r => cpuPerRequest[i, r]).ToArray();
            var noopCpu = Enumerable.Range(0, rounds).Select(r => cpuPerRequest[0, r]).ToArray();
            var delivered = Enumerable.Range(0, rounds).Select(r => deliveryP50[i, r]).ToArray();
            rows.Add(new VersusRow(
                targets[i].Label, VersusRounds.Median(values), values.Min(), values.Max(), VersusRounds.Median(ratios), values, VersusRounds.MedianCpuPerRequest(cpu),
                i == 0 ? double.NaN : VersusRounds.MedianCpuAddedOverNoop(cpu, noopCpu), cpu,
                delivered.Any(double.IsNaN) ? double.NaN : VersusRounds.Median(delivered), delivered));
        }

        return new VersusTable(Environment.ProcessorCount, connections, rounds, duration.TotalSeconds, deliveryRate, rows);
    }

    private static string Markdown(VersusTable table)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{table.Rounds} interleaved rounds × {table.Seconds:0} s, {table.Connections} keep-alive connections, closed loop; NaN = a round with errors");
        text.AppendLine();
        var delivery = table.DeliveryRate > 0 ? $" publish→delivery p50 ms at {table.DeliveryRate:0} msg/s (median of rounds) |" : string.Empty;
        text.AppendLine($"| target | median req/s | min | max | median ratio to no-op (same round) | server CPU µs per request (median of rounds 2+) | CPU added over no-op µs (same round, median of rounds 2+) |{delivery}");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (table.DeliveryRate > 0 ? " ---: |" : string.Empty));
        foreach (var row in table.Rows)
        {
            var p50 = table.DeliveryRate > 0 ? (double.IsNaN(row.MedianDeliveryP50Ms) ? " – |" : string.Create(CultureInfo.InvariantCulture, $" {row.MedianDeliveryP50Ms:0.00} |")) : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Label} | {row.MedianPerSecond:N0} | {row.MinPerSecond:N0} | {row.MaxPerSecond:N0} | {row.MedianRatioToNoop:0.00} | {VersusRounds.Cell(row.MedianServerCpuMicrosecondsPerRequest)} | {VersusRounds.Cell(row.MedianServerCpuAddedOverNoopMicroseconds)} |{p50}");
        }

        return text.ToString();
    }

    private sealed record VersusRow(
        string Label, double MedianPerSecond, double MinPerSecond, double MaxPerSecond, double MedianRatioToNoop, double[] PerRound, double MedianServerCpuMicrosecondsPerRequest,
        double MedianServerCpuAddedOverNoopMicroseconds, double[] ServerCpuMicrosecondsPerRequestPerRound, double MedianDeliveryP50Ms, double[] DeliveryP50MsPerRound);

    private sealed record VersusTable(int Cores, int Connections, int Rounds, double Seconds, double DeliveryRate, IReadOnlyList<VersusRow> Rows);
}
