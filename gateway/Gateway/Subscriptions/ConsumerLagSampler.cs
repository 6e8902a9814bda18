using System.Diagnostics.Metrics;
using Gateway.Drivers;
using Gateway.Telemetry;
using Gateway.Pubsub;
using Microsoft.Extensions.Options;

namespace Gateway.Subscriptions;

/// <summary>
/// The gauge <c>gateway.consumer.lag</c>: for every running subscription whose driver can tell
/// (<see cref="IConsumerLag"/>), how many messages its consumer group has yet to consume, per pubsub,
/// topic and group. Brokers are asked every <see cref="ISubscriptionSettings.ConsumerLagInterval"/> in the
/// background; the gauge reports the last answers, so a scrape never waits for a broker.
/// </summary>
internal sealed partial class ConsumerLagSampler : BackgroundService
{
    public const string InstrumentName = "gateway.consumer.lag";

    private readonly SubscriptionManager _subscriptions;
    private readonly ComponentRegistry _registry;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConsumerLagSampler> _logger;
    private IReadOnlyList<Measurement<long>> _last = [];

    public ConsumerLagSampler(
        SubscriptionManager subscriptions, ComponentRegistry registry, IMeterFactory meterFactory, IOptions<ISubscriptionSettings> options, TimeProvider timeProvider, ILogger<ConsumerLagSampler> logger)
    {
        _subscriptions = subscriptions;
        _registry = registry;
        _interval = options.Value.ConsumerLagInterval > TimeSpan.Zero ? options.Value.ConsumerLagInterval : TimeSpan.FromSeconds(15);
        _timeProvider = timeProvider;
        _logger = logger;
        meterFactory.Create(GatewayMetrics.MeterName).CreateObservableGauge(
            InstrumentName,
            () => Volatile.Read(ref _last),
            description: "Messages a consumer group has yet to consume, per pubsub, topic and group, where the broker tells: Redis 7+ (XINFO GROUPS lag), Kafka (high watermark minus committed offset of this replica's partitions), in-memory (messages not yet taken).");
    }

    private const int QueriesInFlight = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _timeProvider);
        try
        {
            do
            {
                Volatile.Write(ref _last, await SampleAsync(stoppingToken));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task<IReadOnlyList<Measurement<long>>> SampleAsync(CancellationToken cancellationToken)
    {
        var targets = new List<(PubsubComponent Component, IConsumerLag Lagging, string Topic, string Group)>();
        var seen = new HashSet<(PubsubComponent, string, string)>();
        foreach (var status in _subscriptions.Statuses.Where(status => status.State == SubscriptionState.Running))
        {
            var component = _registry.Find(status.App.Namespace, status.App.AppId, status.Definition.PubsubName);
            if (component?.Driver is not IConsumerLag lagging)
            {
                continue;
            }

            var topic = status.Definition.Topic;
            var group = ConsumerGroups.For(status.Definition, component, status.App.AppId);
            if (seen.Add((component, topic, group)))
            {
                targets.Add((component, lagging, topic, group));
            }
        }

        // Several questions in flight at once: a broker client sends them together and their answers come back
        // together, where one at a time woke the process once per subscription (1,000 subscriptions: 1,000
        // round trips per sample).
        var lags = new long?[targets.Count];
        await Parallel.ForAsync(0, targets.Count, new ParallelOptions { MaxDegreeOfParallelism = QueriesInFlight, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var (component, lagging, topic, group) = targets[i];
            try
            {
                lags[i] = await lagging.GetLagAsync(topic, group, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLagFailed(_logger, component.Name, topic, group, ex.Message);
            }
        });

        var measurements = new List<Measurement<long>>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (lags[i] is { } lag)
            {
                var (component, _, topic, group) = targets[i];
                measurements.Add(new Measurement<long>(lag, new("pubsub", component.Name), new("topic", topic), new("group", group)));
            }
        }

        return measurements;
    }

    [LoggerMessage(EventId = EventIds.ConsumerLagSampler.LagFailed, Level = LogLevel.Debug, Message = "Consumer lag of group '{Group}' on topic '{Topic}' of pubsub '{Pubsub}' is unknown: {Reason}")]
    private static partial void LogLagFailed(ILogger logger, string pubsub, string topic, string group, string reason);
}
