using System.Diagnostics;
using Gateway.Drivers;
using Gateway.Drivers.Kafka;
using Gateway.Drivers.Redis;
using Gateway.LoadGen.Http;
using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Servers;
using Gateway.LoadGen.Subscribers;
using Gateway.LoadGen.Targets;

namespace Gateway.LoadGen.Rig;

/// <summary>
/// Everything runs share: identities, the subscribing apps (in this process), the brokers (started on
/// first use), the no-op endpoint (its own process, started on first use), and a fresh gateway process
/// per set of resources. Builds targets and measures runs.
/// </summary>
internal sealed class BenchRig : IAsyncDisposable
{
    private static readonly TimeSpan DeliveryQuietPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DeliveryWaitLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly List<ServerProcess> _gateways = [];
    private ServerProcess? _noop;
    private int _topicCounter;
    private int _gatewayCounter;

    private BenchRig(string workRoot, BenchPki pki, SubscriberHost subscribers, HttpClientKind client, int payloadBytes, bool keepWork)
    {
        WorkRoot = workRoot;
        Pki = pki;
        Subscribers = subscribers;
        Client = client;
        PayloadBytes = payloadBytes;
        KeepWork = keepWork;
        Tls = new TlsClientSettings(pki.Ca, pki.Publisher);
        Payload = Load.Payload.Create(payloadBytes);
    }

    public string WorkRoot { get; }

    public BenchPki Pki { get; }

    public TlsClientSettings Tls { get; }

    public SubscriberHost Subscribers { get; }

    public Brokers Brokers { get; } = new();

    public HttpClientKind Client { get; }

    public int PayloadBytes { get; }

    public byte[] Payload { get; }

    /// <summary>Environment for gateway processes (e.g. <c>DOTNET_PerfMapEnabled</c> when profiling).</summary>
    public Dictionary<string, string> GatewayEnvironment { get; } = [];

    private bool KeepWork { get; }

    public static async Task<BenchRig> StartAsync(int appCount, HttpClientKind client, int payloadBytes, bool keepWork = false)
    {
        var workRoot = Directory.CreateTempSubdirectory("gateway-loadgen-").FullName;
        var pki = BenchPki.Create(workRoot, Math.Max(1, appCount));
        var subscribers = await SubscriberHost.StartAsync(pki.Apps, pki.Ca);
        return new BenchRig(workRoot, pki, subscribers, client, payloadBytes, keepWork);
    }

    /// <summary>A topic name not used before in this rig, so no run sees another's messages or consumer groups.</summary>
    public string NewTopic(string prefix) => $"{prefix}-{Interlocked.Increment(ref _topicCounter)}";

    public async Task<ServerProcess> NoopAsync() => _noop ??= await ServerProcess.StartNoopAsync(Pki, Path.Combine(WorkRoot, "noop"));

    /// <summary>Starts a gateway with one component per broker in <paramref name="brokers"/> and the given subscriptions.</summary>
    /// <param name="environment">Environment for this gateway only, over <see cref="GatewayEnvironment"/>.</param>
    public async Task<ServerProcess> StartGatewayAsync(
        IEnumerable<BrokerKind> brokers, IReadOnlyList<BenchSubscription> subscriptions, string? gatewayDll = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var components = new Dictionary<BrokerKind, IReadOnlyDictionary<string, string>>();
        foreach (var broker in brokers.Concat(subscriptions.Select(s => s.Broker)).Distinct())
        {
            components[broker] = await Brokers.MetadataAsync(broker);
        }

        var work = Path.Combine(WorkRoot, $"gateway-{Interlocked.Increment(ref _gatewayCounter)}");
        var resources = GatewayResources.Write(work, components, Subscribers.Addresses, subscriptions);
        var merged = new Dictionary<string, string>(GatewayEnvironment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        var gateway = await ServerProcess.StartGatewayAsync(Pki, resources, work, merged, gatewayDll);
        _gateways.Add(gateway);
        return gateway;
    }

    /// <summary>Stops a gateway (its peak RSS has been read by then).</summary>
    public async Task StopAsync(ServerProcess gateway)
    {
        _gateways.Remove(gateway);
        await gateway.DisposeAsync();
    }

    public static string PublishPath(BrokerKind broker, string topic, bool bulk) =>
        bulk ? $"/v1.0-alpha1/publish/bulk/{broker.ComponentName()}/{topic}" : $"/v1.0/publish/{broker.ComponentName()}/{topic}";

    /// <summary>The gateway's publish API (or bulk publish with <paramref name="bulkEntries"/> &gt; 0).</summary>
    public ILoadTarget GatewayTarget(ServerProcess gateway, BrokerKind broker, string topic, int connections, int bulkEntries = 0, bool newConnectionPerRequest = false) =>
        HttpTargetFor(gateway, PublishPath(broker, topic, bulkEntries > 0), connections, bulkEntries, newConnectionPerRequest);

    /// <summary>The no-op endpoint, with the same request (path and body) the gateway would get.</summary>
    public async Task<ILoadTarget> NoopTargetAsync(int connections, int bulkEntries = 0, bool newConnectionPerRequest = false) =>
        HttpTargetFor(await NoopAsync(), PublishPath(BrokerKind.InMemory, "bench", bulkEntries > 0), connections, bulkEntries, newConnectionPerRequest);

    /// <summary>The broker written directly by the gateway's driver in this process (redis-direct, kafka-direct).</summary>
    public async Task<ILoadTarget> DirectTargetAsync(BrokerKind broker, string topic)
    {
        IPubSubDriverFactory factory = broker switch
        {
            BrokerKind.Redis => new RedisDriverFactory(),
            BrokerKind.Kafka => new KafkaDriverFactory(),
            _ => throw new ArgumentException("only redis and kafka have a direct baseline", nameof(broker)),
        };
        var metadata = await Brokers.MetadataAsync(broker);
        var envelope = DirectEnvelope.Create(Payload, broker.ComponentName(), topic, BenchPki.PublisherAppId);
        return new DriverTarget(factory, $"{broker.ComponentName()}-direct", metadata, topic, envelope, driverPerWorker: broker == BrokerKind.Redis);
    }

    /// <summary>
    /// Sends a message every 100 ms until <paramref name="apps"/> deliveries have arrived: every
    /// subscription is receiving (a Kafka consumer has joined its group) before anything is measured.
    /// </summary>
    public async Task WaitUntilDeliveringAsync(ILoadTarget target, int apps, CancellationToken cancellationToken)
    {
        await using var sender = await target.CreateSenderAsync(cancellationToken);
        Subscribers.Recorder.Arm(Stopwatch.GetTimestamp());
        var waited = Stopwatch.StartNew();
        while (Subscribers.Recorder.Delivered < apps)
        {
            if (waited.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"no delivery reached {apps} subscribed app(s) within {ReadyTimeout.TotalSeconds:0} s of publishing; is the gateway delivering?");
            }

            if (await sender.SendAsync(Stopwatch.GetTimestamp(), cancellationToken) is { } error)
            {
                throw new InvalidOperationException($"the warm-up publish failed ({error}); the target is not accepting messages");
            }

            await Task.Delay(100, cancellationToken);
        }

        // Let deliveries of the readiness messages to the other apps land before a run is armed.
        await Task.Delay(200, cancellationToken);
    }

    /// <summary>
    /// Publishes one message to the topic of every subscription in <paramref name="subscriptions"/> (one keep-alive
    /// connection, one after the other) and waits until each has been delivered: every subscription is running.
    /// </summary>
    public async Task WaitUntilEverySubscriptionDeliversAsync(ServerProcess gateway, IReadOnlyList<BenchSubscription> subscriptions, CancellationToken cancellationToken)
    {
        Subscribers.Recorder.Arm(Stopwatch.GetTimestamp());
        await using (var connection = await MtlsConnection.OpenAsync(gateway.Endpoint, Tls, cancellationToken))
        {
            foreach (var subscription in subscriptions)
            {
                var request = new HttpRequestBytes(gateway.Endpoint, PublishPath(subscription.Broker, subscription.Topic, bulk: false), Payload, closeConnection: false);
                var bytes = request.CopyForWorker();
                Load.Payload.Write(bytes, request.StampOffsets, Stopwatch.GetTimestamp());
                if (await connection.SendAsync(bytes, cancellationToken) is not (>= 200 and < 300) and var status)
                {
                    throw new InvalidOperationException($"publishing to '{subscription.Topic}' to wake its subscription was answered {status}");
                }
            }
        }

        var delivered = await Subscribers.Recorder.WaitForAsync(subscriptions.Count, DeliveryQuietPeriod, ReadyTimeout, cancellationToken);
        if (delivered < subscriptions.Count)
        {
            throw new TimeoutException($"only {delivered} of {subscriptions.Count} subscriptions delivered the message published to their topic; not every subscription is running");
        }
    }

    /// <summary>Runs <paramref name="shape"/> against <paramref name="target"/> and collects every number of the run.</summary>
    /// <param name="server">The process serving <paramref name="target"/> (gateway or no-op endpoint), whose CPU and memory are read; null for direct baselines.</param>
    public async Task<RunResult> MeasureAsync(RunDescription run, ILoadTarget target, LoadShape shape, ServerProcess? server, CancellationToken cancellationToken)
    {
        Action<long>? arm = run.SubscribedApps > 0 ? Subscribers.Recorder.Arm : null;
        var cpu = server is null ? null : new ServerCpuWindow(server.Process.Id);
        var outcome = await shape.RunAsync(target, cpu?.Hooks(arm) ?? new WindowHooks(arm), cancellationToken);
        var serverCpu = cpu is null ? null : await cpu.MeasuredAsync(outcome.Succeeded);
        int? redisClients = shape.Mode == LoadMode.Idle && run.Pubsub == BrokerKind.Redis
            ? await RedisClients.CountAsync(await Brokers.RedisAddressAsync(), cancellationToken)
            : null;
        DeliveryResult? delivery = null;
        if (run.SubscribedApps > 0)
        {
            var expected = outcome.Succeeded * target.MessagesPerSend * run.SubscribedApps;
            var delivered = await Subscribers.Recorder.WaitForAsync(expected, DeliveryQuietPeriod, DeliveryWaitLimit, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(outcome.FirstStamp);
            delivery = new DeliveryResult(expected, delivered, Math.Round(delivered / elapsed.TotalSeconds, 1), Subscribers.Recorder.Summarize());
        }

        return new RunResult(
            run.Target, run.Pubsub?.ComponentName(), run.Label, shape.Mode.ToString().ToLowerInvariant(),
            run.Target is "gateway" or "noop" && shape.Mode != LoadMode.Idle ? Client.ToString().ToLowerInvariant() : null,
            shape.Connections, shape.Mode == LoadMode.Rate ? shape.Rate : null, PayloadBytes, target.MessagesPerSend,
            run.Subscriptions, run.SubscribedApps, shape.Duration.TotalSeconds, outcome.Sends, outcome.Succeeded, outcome.Errors.Snapshot(),
            Math.Round(outcome.PerSecond, 1), Math.Round(outcome.PerSecond * target.MessagesPerSend, 1), outcome.Latency.Summarize(),
            outcome.PacerLag, delivery, server?.PeakRssMb, serverCpu, redisClients);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        if (_noop is not null)
        {
            await _noop.DisposeAsync();
        }

        await Subscribers.DisposeAsync();
        await Brokers.DisposeAsync();
        Pki.Dispose();
        if (!KeepWork)
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
    }

    private HttpTarget HttpTargetFor(ServerProcess server, string path, int connections, int bulkEntries, bool newConnectionPerRequest) => new(
        server.Endpoint, path, bulkEntries > 0 ? Load.Payload.Bulk(Payload, bulkEntries) : Payload, Math.Max(1, bulkEntries), Tls, Client, connections, newConnectionPerRequest);
}
