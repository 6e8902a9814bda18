using Gateway.Drivers.Redis.Resp;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Creates <c>pubsub.redis</c> drivers: Redis Streams with consumer groups, through the project's
/// own RESP client, with Dapr's metadata keys and Dapr's entry layout.
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
        var onEvent = ConnectionLogger(logger, context.ComponentName);
        var multiplexer = new RedisMultiplexer(Settings(options), context.TimeProvider, onEvent);
        return new RedisDriver(context, options, new RedisStreams(multiplexer, onEvent), new RedisHashes(multiplexer));
    }

    internal static RedisConnectionSettings Settings(RedisOptions options)
    {
        RedisEndpoint.TryParse(options.RedisHost, out var endpoint);
        return new RedisConnectionSettings
        {
            Endpoint = endpoint!,
            Username = options.RedisUsername,
            Password = options.RedisPassword,
            Database = options.RedisDb,
            UseTls = options.EnableTls,
            SkipTlsVerification = options.InsecureSkipTlsVerify,
            ClientCertificate = options.ClientCert.Length > 0 ? RedisTlsMaterial.ReadClientCertificate(options.ClientCert, options.ClientKey) : null,
            TrustedAuthorities = options.CaCert.Length > 0 ? RedisTlsMaterial.ReadAuthorities(options.CaCert) : null,
            ConnectTimeout = options.DialTimeout,
            CommandTimeout = options.ReadTimeout,
        };
    }

    private static Action<RedisConnectionEvent> ConnectionLogger(ILogger logger, string componentName) => change =>
    {
        if (change.Kind == RedisConnectionEventKind.AttemptFailed)
        {
            RedisLog.ConnectionAttemptFailed(logger, componentName, change.Endpoint.ToString(), change.Reason ?? "");
        }
        else
        {
            RedisLog.ConnectionChanged(logger, componentName, change.Endpoint.ToString(), change.Kind.ToString().ToLowerInvariant());
        }
    };
}
