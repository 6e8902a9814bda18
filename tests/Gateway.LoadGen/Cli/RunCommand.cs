using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;
using Gateway.LoadGen.Servers;
using Gateway.LoadGen.Targets;

namespace Gateway.LoadGen.Cli;

/// <summary>
/// <c>run</c>: one measurement. Starts what the target needs (the gateway or the no-op endpoint as its own
/// process, redis-server, the mock Kafka cluster, subscribing apps), runs the load, prints the JSON document
/// on standard output (and to <c>--out</c>) and a table on standard error.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "gateway | noop | redis-direct | kafka-direct", DefaultValueFactory = _ => "gateway" };
        var pubsub = new Option<string>("--pubsub") { Description = "inmemory | redis | kafka (the gateway's component)", DefaultValueFactory = _ => "inmemory" };
        var mode = new Option<string>("--mode") { Description = "closed | rate | handshake (new connection per request) | idle (nothing published: the server's CPU share and, with Redis, the redis-server's client connections)", DefaultValueFactory = _ => "closed" };
        var rate = new Option<double>("--rate") { Description = "messages (requests) per second in rate mode", DefaultValueFactory = _ => 1000 };
        var connections = new Option<int>("--connections") { Description = "keep-alive mTLS connections (workers)", DefaultValueFactory = _ => 4 };
        var payload = new Option<int>("--payload") { Description = "bytes of each message's JSON payload", DefaultValueFactory = _ => 256 };
        var duration = new Option<string>("--duration") { Description = "measured window, e.g. 10s", DefaultValueFactory = _ => "10s" };
        var warmup = new Option<string?>("--warmup") { Description = "load before the window, not counted (default 2s); in idle mode the time to settle (default 10s)" };
        var topic = new Option<string?>("--topic") { Description = "topic to publish to (default: a fresh one)" };
        var subscribers = new Option<int>("--subscribers") { Description = "apps subscribed to the topic (publish-to-delivery latency); gateway only", DefaultValueFactory = _ => 0 };
        var subscriptions = new Option<int>("--subscriptions") { Description = "subscriptions in all (the first app also subscribes to other topics up to this count)", DefaultValueFactory = _ => 0 };
        var bulk = new Option<int>("--bulk") { Description = "entries per bulk publish request (0: single publishes)", DefaultValueFactory = _ => 0 };
        var client = new Option<string>("--client") { Description = "raw | httpclient", DefaultValueFactory = _ => "raw" };
        var output = new Option<string?>("--out") { Description = "also write the JSON document to this file" };
        var gatewayEnv = new Option<string[]>("--gateway-env") { Description = "NAME=VALUE for the gateway process (e.g. DOTNET_PerfMapEnabled=1); repeatable", AllowMultipleArgumentsPerToken = false };
        var metadata = new Option<string[]>("--metadata")
        {
            Description = "NAME=VALUE added to the gateway's component (e.g. concurrency=50 for Redis); the driver checks it like any resource; repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("run", "One measurement against one target.")
        {
            target, pubsub, mode, rate, connections, payload, duration, warmup, topic, subscribers, subscriptions, bulk, client, output, gatewayEnv, metadata,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var settings = new RunSettings(
                    parse.GetValue(target)!, ParseBroker(parse.GetValue(pubsub)!), Enum.Parse<LoadMode>(parse.GetValue(mode)!, ignoreCase: true),
                    parse.GetValue(rate), parse.GetValue(connections), parse.GetValue(payload), DurationText.Parse(parse.GetValue(duration)!),
                    WarmupOrDefault(parse.GetValue(warmup), parse.GetValue(mode)!), parse.GetValue(topic), parse.GetValue(subscribers), parse.GetValue(subscriptions),
                    parse.GetValue(bulk), Enum.Parse<HttpClientKind>(parse.GetValue(client)!, ignoreCase: true), parse.GetValue(gatewayEnv) ?? [],
                    parse.GetValue(metadata) ?? []);
                var report = await RunAsync(settings, string.Join(' ', parse.Tokens.Select(t => t.Value)), cancellationToken);
                var json = ReportOutput.ToJson(report);
                if (parse.GetValue(output) is { } path)
                {
                    await ReportOutput.WriteFileAsync(path, json);
                }

                Console.Out.WriteLine(json);
                Console.Error.WriteLine(MarkdownReport.Write(report, headings: false));
                return report.Scenarios.SelectMany(s => s.Rows).All(r => r.Mode == "idle" ? r.ServerCpu is not null : r.Succeeded > 0) ? 0 : 1;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static TimeSpan WarmupOrDefault(string? text, string mode) => text is not null
        ? DurationText.Parse(text)
        : string.Equals(mode, nameof(LoadMode.Idle), StringComparison.OrdinalIgnoreCase) ? IdleWindow.DefaultSettle : TimeSpan.FromSeconds(2);

    private static BrokerKind ParseBroker(string text) =>
        BrokerKinds.TryParse(text, out var kind) ? kind : throw new ArgumentException($"--pubsub '{text}' is not one of inmemory, redis, kafka");

    private static async Task<BenchReport> RunAsync(RunSettings settings, string commandLine, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = MachineInfo.Read();
        await using var rig = await BenchRig.StartAsync(Math.Max(1, settings.Subscribers), settings.Client, settings.PayloadBytes);
        NameValuePairs.AddTo(rig.GatewayEnvironment, settings.GatewayEnvironment, "--gateway-env");
        NameValuePairs.AddTo(rig.Brokers.ExtraMetadata, settings.Metadata, "--metadata");

        var shape = new LoadShape(settings.Mode, settings.Connections, settings.Rate, settings.Warmup, settings.Duration);
        var topic = settings.Topic ?? rig.NewTopic("bench");
        var handshake = settings.Mode == LoadMode.Handshake;
        var idle = settings.Mode == LoadMode.Idle;
        RunResult row;
        switch (settings.Target)
        {
            case "noop":
            {
                await using var noop = await rig.NoopTargetAsync(settings.Connections, settings.Bulk, handshake);
                row = await rig.MeasureAsync(RunDescription.Noop(), noop, shape, await rig.NoopAsync(), cancellationToken);
                break;
            }

            case "gateway":
            {
                var subscriptions = Enumerable.Range(0, settings.Subscribers).Select(app => new BenchSubscription(settings.Broker, topic, app)).ToList();
                subscriptions.AddRange(Enumerable.Range(0, Math.Max(0, settings.Subscriptions - subscriptions.Count)).Select(i => new BenchSubscription(settings.Broker, $"{topic}-idle-{i}", 0)));
                var gateway = await rig.StartGatewayAsync([settings.Broker], subscriptions);
                Console.Error.WriteLine($"gateway pid {gateway.Process.Id} listening on {gateway.Endpoint}");
                await using var publish = rig.GatewayTarget(gateway, settings.Broker, topic, settings.Connections, settings.Bulk, handshake);
                if (idle)
                {
                    await rig.WaitUntilEverySubscriptionDeliversAsync(gateway, subscriptions, cancellationToken);
                }
                else if (settings.Subscribers > 0)
                {
                    await rig.WaitUntilDeliveringAsync(publish, settings.Subscribers, cancellationToken);
                }

                row = await rig.MeasureAsync(RunDescription.Gateway(settings.Broker, settings.Subscribers, subscriptions.Count), publish, shape, gateway, cancellationToken);
                break;
            }

            case "redis-direct" or "kafka-direct":
            {
                if (settings.Bulk > 0 || handshake || idle || settings.Subscribers > 0)
                {
                    throw new ArgumentException("direct baselines publish single messages without subscribers: drop --bulk, --subscribers and --mode handshake or idle");
                }

                var broker = settings.Target == "redis-direct" ? BrokerKind.Redis : BrokerKind.Kafka;
                await using var direct = await rig.DirectTargetAsync(broker, topic);
                row = await rig.MeasureAsync(RunDescription.Direct(broker), direct, shape, null, cancellationToken);
                break;
            }

            default:
                throw new ArgumentException($"--target '{settings.Target}' is not one of gateway, noop, redis-direct, kafka-direct");
        }

        var scenario = new ScenarioResult(
            "run", "run", commandLine,
            idle
                ? ["target", "subscriptions", "cpuPercent", "redisClients", "rss"]
                : ["target", "rate", "rps", "mps", "cpu", "errors", "p50", "p90", "p99", "p999", "max", "delivered", "dp50", "dp90", "dp99", "dp999", "rss"],
            [row]);
        return new BenchReport("run " + commandLine, started, Math.Round(clock.Elapsed.TotalSeconds, 1), machine, [scenario]);
    }

    private sealed record RunSettings(
        string Target,
        BrokerKind Broker,
        LoadMode Mode,
        double Rate,
        int Connections,
        int PayloadBytes,
        TimeSpan Duration,
        TimeSpan Warmup,
        string? Topic,
        int Subscribers,
        int Subscriptions,
        int Bulk,
        HttpClientKind Client,
        string[] GatewayEnvironment,
        string[] Metadata);
}
