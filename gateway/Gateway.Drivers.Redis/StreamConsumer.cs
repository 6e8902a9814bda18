using Gateway.Drivers.Redis.Client;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Redis;

/// <summary>Who a subscription is and what it shares with its driver; passed around as one value.</summary>
internal sealed record StreamConsumer(
    string ComponentName,
    string Topic,
    string Group,
    string Consumer,
    RedisOptions Options,
    IRedisStreams Streams,
    InFlightEntries InFlight,
    TimeProvider TimeProvider,
    ILogger Logger);
