using System.Globalization;
using Gateway.Drivers.Redis.Client;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Redis;

/// <summary>
/// A <c>pubsub.redis</c> component: topics are streams, consumer groups are stream consumer groups,
/// and entries are laid out as Dapr lays them out (<see cref="StreamEntryLayout"/>). Commands go through the
/// component's shared StackExchange.Redis connection (<see cref="IRedisStreams"/>); subscriptions read on a few
/// connections of their own, shared by up to <see cref="SharedStreamReads.StreamsPerRead"/> subscriptions each
/// (in a cluster, one per subscription).
/// </summary>
/// <remarks>
/// Dapr uses <c>consumerID</c> both as the group and as the consumer name, so all replicas of an app
/// read as one consumer. Here the consumer name is the group plus a suffix unique to this driver
/// instance (so to this process): replicas of the gateway in one group are distinct consumers, and
/// the pending list shows which replica holds which entry, so one replica can claim what a dead one left.
/// </remarks>
internal sealed class RedisDriver : IPubSubDriver, IBulkPublisher, IDriverHealth, IRecordStoreProvider, IConsumerLag
{
    private readonly string _componentName;
    private readonly RedisOptions _options;
    private readonly IRedisStreams _streams;
    private readonly IRedisHashes _hashes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _consumerSuffix = Guid.NewGuid().ToString("N")[..12];
    private readonly InFlightEntries _inFlight = new();
    private readonly HashSet<RedisSubscription> _subscriptions = [];
    private readonly Lock _gate = new();
    private Task? _stop;

    public RedisDriver(DriverContext context, RedisOptions options, IRedisStreams streams, IRedisHashes hashes)
    {
        _hashes = hashes;
        _componentName = context.ComponentName;
        _options = options;
        _streams = streams;
        _timeProvider = context.TimeProvider;
        _logger = context.LoggerFactory.CreateLogger<RedisDriver>();
        if (options.MaxLenApprox > 0 && options.StreamTtl > TimeSpan.Zero)
        {
            RedisLog.BothTrimmingOptions(_logger, _componentName);
        }
    }

    /// <summary>Completes after the server has answered the <c>XADD</c> (and, with <c>publishReplicaAcks</c>, the replicas the <c>WAIT</c>).</summary>
    public async ValueTask PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        ThrowIfStopped();
        try
        {
            await _streams.AddAsync(StreamEntryLayout.ToAddition(request, Trim()), cancellationToken);
        }
        catch (RedisCommandFailure failure)
        {
            throw RedisFailures.NotStored(_componentName, request.Topic, failure);
        }
    }

    /// <summary>Sends every entry's <c>XADD</c> pipelined; each entry succeeds or fails on its own.</summary>
    public async ValueTask<IReadOnlyList<BulkPublishFailure>> PublishBulkAsync(IReadOnlyList<BulkPublishEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ThrowIfStopped();
        if (entries.Count == 0)
        {
            return [];
        }

        var trim = Trim();
        IReadOnlyList<Task<string>> replies;
        try
        {
            replies = await _streams.AddManyAsync([.. entries.Select(e => StreamEntryLayout.ToAddition(e.Request, trim))], cancellationToken);
        }
        catch (RedisCommandFailure failure)
        {
            return [.. entries.Select(e => new BulkPublishFailure(e.EntryId, RedisFailures.NotStored(_componentName, e.Request.Topic, failure)))];
        }

        var failures = new List<BulkPublishFailure>();
        for (var i = 0; i < entries.Count; i++)
        {
            try
            {
                await replies[i];
            }
            catch (RedisCommandFailure failure)
            {
                failures.Add(new BulkPublishFailure(entries[i].EntryId, RedisFailures.NotStored(_componentName, entries[i].Request.Topic, failure)));
            }
        }

        return failures;
    }

    /// <summary>Creates the group (from the start of the stream, creating the stream too) before returning.</summary>
    public async ValueTask<ISubscription> SubscribeAsync(SubscribeRequest request, MessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(request.Topic);
        ArgumentException.ThrowIfNullOrEmpty(request.ConsumerGroup);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxConcurrency, 1);
        ThrowIfStopped();
        try
        {
            await _streams.CreateGroupAsync(request.Topic, request.ConsumerGroup, cancellationToken);
        }
        catch (RedisCommandFailure failure)
        {
            throw RedisFailures.NotSubscribed(_componentName, request.Topic, request.ConsumerGroup, failure);
        }

        var consumer = new StreamConsumer(
            _componentName, request.Topic, request.ConsumerGroup, $"{request.ConsumerGroup}-{_consumerSuffix}",
            _options, _streams, _inFlight, _timeProvider, _logger);
        lock (_gate)
        {
            ThrowIfStopped();
            var subscription = new RedisSubscription(consumer, handler, request.MaxConcurrency, Forget);
            _subscriptions.Add(subscription);
            subscription.Start();
            return subscription;
        }
    }

    /// <summary>A hash on the same servers and connection (<see cref="RedisRecordStore"/>).</summary>
    public IRecordStore OpenRecordStore(string name) => new RedisRecordStore(_componentName, name, _hashes);

    /// <summary>Healthy when the servers answer <c>PING</c> and take the configured user and password.</summary>
    public async ValueTask<string?> CheckAsync(CancellationToken cancellationToken) => await _streams.CheckAsync(cancellationToken);

    /// <summary>
    /// Consumer lag from <c>XINFO GROUPS</c>: stream entries the group has not had delivered yet (Redis 7 or
    /// later); null while the server does not answer.
    /// </summary>
    public async ValueTask<long?> GetLagAsync(string topic, string consumerGroup, CancellationToken cancellationToken)
    {
        try
        {
            return await _streams.LagAsync(topic, consumerGroup, cancellationToken);
        }
        catch (RedisCommandFailure)
        {
            // Unknown until the server answers again; the gauge leaves the series out meanwhile.
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stop ??= Task.Run(StopAsync);
            return new ValueTask(_stop);
        }
    }

    private StreamTrim Trim()
    {
        if (_options.MaxLenApprox > 0)
        {
            return StreamTrim.MaxLength(_options.MaxLenApprox);
        }

        if (_options.StreamTtl > TimeSpan.Zero)
        {
            var oldest = (_timeProvider.GetUtcNow() - _options.StreamTtl).ToUnixTimeMilliseconds();
            return StreamTrim.MinId($"{oldest.ToString(CultureInfo.InvariantCulture)}-1");
        }

        return StreamTrim.None;
    }

    private void ThrowIfStopped()
    {
        if (Volatile.Read(ref _stop) is not null)
        {
            throw new DriverException(RedisMessages.Stopped(_componentName), isTransient: true);
        }
    }

    private void Forget(RedisSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private async Task StopAsync()
    {
        RedisSubscription[] running;
        lock (_gate)
        {
            running = [.. _subscriptions];
        }

        await Task.WhenAll(running.Select(s => s.DisposeAsync().AsTask()));
        await _streams.DisposeAsync();
    }
}
