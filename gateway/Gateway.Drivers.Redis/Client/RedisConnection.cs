using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// The component's shared StackExchange.Redis multiplexer: opened on first use, kept open and reconnected
/// by the client (following Sentinel failovers and Cluster redirects), its credentials proved by
/// <see cref="CredentialCheck"/> after the first connect and after every reconnect before commands are let through.
/// </summary>
/// <remarks>
/// <see cref="_gate"/> guards <see cref="_opening"/>, <see cref="_verifying"/> and the writes of <see cref="_proved"/>
/// (read without it); the multiplexer's events (its own threads) only reset the last two and log.
/// </remarks>
internal sealed class RedisConnection : IAsyncDisposable
{
    private static readonly TimeSpan RecheckRefusalAfter = TimeSpan.FromSeconds(5);
    private readonly RedisOptions _options;
    private readonly ConnectionLog _log;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _opening;
    private Task<RedisCommandFailure?>? _verifying;
    private ConnectionMultiplexer? _proved;
    private DateTimeOffset _verifiedAt;
    private bool _disposed;

    public RedisConnection(RedisOptions options, ILogger logger, string componentName, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        Configuration = RedisClientConfiguration.Shared(options);
        Where = Describe(options);
        _log = new ConnectionLog(logger, componentName);
    }

    /// <summary>How messages name the server(s): <c>127.0.0.1:6379</c>, <c>cluster a:1,b:2</c>, <c>sentinel 'mymaster' via a:1</c>.</summary>
    public string Where { get; }

    public ConfigurationOptions Configuration { get; }

    public int Database => _options.Topology == RedisTopology.Cluster ? 0 : _options.RedisDb;

    /// <summary>
    /// The multiplexer, connected (or trying to be) and with its credentials proved; throws <see cref="RedisCommandFailure"/>.
    /// Once proved it is handed out without waiting (every publish comes this way) until a reconnect asks for proof again.
    /// </summary>
    public ValueTask<ConnectionMultiplexer> GetAsync(string command, CancellationToken cancellationToken) =>
        Volatile.Read(ref _proved) is { } proved ? ValueTask.FromResult(proved) : new(GetSlowAsync(command, cancellationToken));

    private async Task<ConnectionMultiplexer> GetSlowAsync(string command, CancellationToken cancellationToken)
    {
        var multiplexer = await OpenAsync(command, cancellationToken);
        if (!multiplexer.IsConnected)
        {
            return multiplexer;
        }

        var verifying = VerifyAsync(multiplexer, forceRecheck: false);
        if (await verifying.WaitAsync(cancellationToken) is { } refused)
        {
            throw new RedisCommandFailure(refused.Where, command, refused.Reason, RedisFailureKind.CredentialsRefused, refused);
        }

        lock (_gate)
        {
            // Only if no reconnect asked for new proof meanwhile.
            if (_verifying == verifying)
            {
                _proved = multiplexer;
            }
        }

        return multiplexer;
    }

    /// <summary>Null when the servers answer and take the credentials, else why not (health).</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await OpenAsync("PING", cancellationToken);
            if (await VerifyAsync(multiplexer, forceRecheck: true).WaitAsync(cancellationToken) is { } refused)
            {
                return refused.Message;
            }

            await multiplexer.GetDatabase(Database).PingAsync().WaitAsync(cancellationToken);
            return null;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            return RedisErrors.Translate(failure, Where, "PING").Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? opening;
        lock (_gate)
        {
            _disposed = true;
            _proved = null;
            opening = _opening;
        }

        if (opening is not null)
        {
            try
            {
                await (await opening).DisposeAsync();
            }
            catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
            {
                // Nothing was opened, so nothing needs closing.
            }
        }
    }

    private async Task<ConnectionMultiplexer> OpenAsync(string command, CancellationToken cancellationToken)
    {
        Task<ConnectionMultiplexer> opening;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new RedisCommandFailure(Where, command, "the client is shutting down", RedisFailureKind.Connection);
            }

            opening = _opening ??= ConnectAsync();
        }

        try
        {
            return await opening.WaitAsync(cancellationToken);
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            lock (_gate)
            {
                // A failed first connect (a bad endpoint, say) is tried again by the next caller.
                if (_opening == opening && opening.IsFaulted)
                {
                    _opening = null;
                }
            }

            throw RedisErrors.Translate(failure, Where, command);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(Configuration);
        multiplexer.ConnectionFailed += (_, e) => _log.Failed(e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            lock (_gate)
            {
                _verifying = null;
                _proved = null;
            }

            _log.Restored(e.EndPoint);
        };
        return multiplexer;
    }

    private Task<RedisCommandFailure?> VerifyAsync(ConnectionMultiplexer multiplexer, bool forceRecheck)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var stale = _verifying is { IsCompleted: true } done
                && (forceRecheck || (done.Result is not null && now - _verifiedAt > RecheckRefusalAfter) || done.IsFaulted);
            if (_verifying is null || stale)
            {
                _verifiedAt = now;
                _proved = null;
                _verifying = RunCheckAsync(multiplexer);
            }

            return _verifying;
        }
    }

    private async Task<RedisCommandFailure?> RunCheckAsync(ConnectionMultiplexer multiplexer)
    {
        try
        {
            var refused = await CredentialCheck.RunAsync(multiplexer, _options);
            if (refused is not null)
            {
                _log.Refused(refused.Message);
            }

            return refused;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            // The check could not run (the connection broke meanwhile): check again on the next call.
            lock (_gate)
            {
                _verifying = null;
            }

            return null;
        }
    }

    /// <summary>What <see cref="Where"/> says for <paramref name="options"/>.</summary>
    internal static string DescribeForTests(RedisOptions options) => Describe(options);

    private static string Describe(RedisOptions options) => options.Topology switch
    {
        RedisTopology.Cluster => $"cluster {string.Join(",", RedisAddress.ParseList(options.RedisHost, options.RedisPort) ?? [])}",
        RedisTopology.Sentinel => $"sentinel '{options.SentinelMasterName}' via {string.Join(",", RedisAddress.ParseList(options.RedisHost, options.RedisPort) ?? [])}",
        _ => RedisAddress.ParseList(options.RedisHost, options.RedisPort) is [var one] ? one.ToString() : options.RedisHost,
    };
}
