using Gateway.Drivers.Redis.Client;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Creates <c>pubsub.redis</c> drivers: Redis Streams with consumer groups through StackExchange.Redis, on a
/// single server, a Sentinel-managed primary or a Redis Cluster, with Dapr's metadata keys and Dapr's entry layout.
/// </summary>
public sealed class RedisDriverFactory : IPubSubDriverFactory
{
    /// <inheritdoc />
    public string ComponentType => RedisMetadataSchema.ComponentType;

    /// <summary>
    /// Checks every key of <see cref="RedisMetadataSchema"/>, names unknown keys, ignores the
    /// gateway's own keys (<see cref="RuntimeMetadataKeys.All"/>). Connects nowhere; never throws.
    /// </summary>
    public IReadOnlyList<MetadataProblem> Validate(IReadOnlyDictionary<string, string> metadata)
    {
        RedisOptionsParser.Parse(metadata ?? new Dictionary<string, string>(), out var problems);
        return problems;
    }

    /// <summary>
    /// Creates a driver; it connects on first use. Metadata that fails <see cref="Validate"/> throws
    /// a terminal <see cref="DriverException"/> naming the component and every bad key.
    /// </summary>
    public IPubSubDriver Create(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = RedisOptionsParser.Parse(context.Metadata, out var problems);
        if (problems.Any(p => p.IsError))
        {
            throw new DriverException(RedisMessages.InvalidMetadata(context.ComponentName, problems), isTransient: false);
        }

        var logger = context.LoggerFactory.CreateLogger<RedisDriverFactory>();
        var connection = new RedisConnection(options, logger, context.ComponentName, context.TimeProvider);
        var commands = new RedisStreamCommands(connection, options, new SharedStreamReads(connection, context.TimeProvider, logger, context.ComponentName));
        return new RedisDriver(context, options, commands, commands);
    }
}
