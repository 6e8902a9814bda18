namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// Keeps one connection to a server open for everyone: callers share it (pipelined), and when it
/// breaks the next caller opens a new one. After a failed attempt, callers fail at once until a
/// backoff has passed (doubling from <see cref="MinimumBackoff"/> to <see cref="MaximumBackoff"/>),
/// so an outage costs each caller at most one connect timeout and does not hammer the server.
/// Commands are never resent by this class: whether a retry is safe is the caller's decision.
/// </summary>
internal sealed class RedisMultiplexer : IAsyncDisposable
{
    public static readonly TimeSpan MinimumBackoff = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(2);

    private readonly RedisConnectionSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly Action<RedisConnectionEvent>? _onEvent;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private RespConnection? _current;
    private Task<RespConnection>? _opening;
    private RedisConnectionException? _lastFailure;
    private DateTimeOffset _retryNotBefore;
    private TimeSpan _backoff = MinimumBackoff;
    private bool _everConnected;
    private bool _disposed;

    /// <param name="onEvent">Told about connects, losses and failed attempts, for logging.</param>
    public RedisMultiplexer(RedisConnectionSettings settings, TimeProvider timeProvider, Action<RedisConnectionEvent>? onEvent = null)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _onEvent = onEvent;
    }

    public RedisEndpoint Endpoint => _settings.Endpoint;

    public RedisConnectionSettings Settings => _settings;

    public async Task<RespValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken, TimeSpan extraTime = default)
    {
        var connection = await GetConnectionAsync(command.Name, cancellationToken);
        return await connection.ExecuteAsync(command, cancellationToken, extraTime);
    }

    public async Task<IReadOnlyList<Task<RespValue>>> ExecuteBatchAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(commands[0].Name, cancellationToken);
        return await connection.ExecuteBatchAsync(commands, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        RespConnection? current;
        Task<RespConnection>? opening;
        lock (_gate)
        {
            _disposed = true;
            (current, opening) = (_current, _opening);
            _current = null;
        }

        await _disposing.CancelAsync();
        if (opening is not null)
        {
            try
            {
                current = await opening;
            }
            catch (Exception)
            {
                // Nothing was opened, so nothing needs closing.
            }
        }

        if (current is not null)
        {
            await current.DisposeAsync();
        }

        _disposing.Dispose();
    }

    private async Task<RespConnection> GetConnectionAsync(string command, CancellationToken cancellationToken)
    {
        Task<RespConnection> opening;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { IsOpen: true } current)
            {
                return current;
            }

            if (_current is not null)
            {
                _current = null;
                _onEvent?.Invoke(new RedisConnectionEvent(RedisConnectionEventKind.Lost, Endpoint, null));
            }

            if (_opening is null && _lastFailure is not null && _timeProvider.GetUtcNow() < _retryNotBefore)
            {
                throw new RedisConnectionException(Endpoint, command, $"not connected; the last attempt failed: {_lastFailure.Reason}", _lastFailure);
            }

            opening = _opening ??= OpenAsync();
        }

        try
        {
            return await opening.WaitAsync(cancellationToken);
        }
        catch (RedisException failure) when (failure.Command != command)
        {
            throw failure is RedisServerException
                ? new RedisServerException(Endpoint, command, failure.Reason)
                : new RedisConnectionException(Endpoint, command, $"not connected: {failure.Reason}", failure);
        }
    }

    private async Task<RespConnection> OpenAsync()
    {
        await Task.Yield();
        try
        {
            var connection = await RespConnection.OpenAsync(_settings, _disposing.Token);
            lock (_gate)
            {
                (_current, _opening, _lastFailure, _backoff) = (connection, null, null, MinimumBackoff);
            }

            _onEvent?.Invoke(new RedisConnectionEvent(_everConnected ? RedisConnectionEventKind.Reconnected : RedisConnectionEventKind.Connected, Endpoint, null));
            _everConnected = true;
            return connection;
        }
        catch (RedisException failure)
        {
            lock (_gate)
            {
                _opening = null;
                _lastFailure = failure as RedisConnectionException ?? new RedisConnectionException(Endpoint, failure.Command, failure.Reason, failure);
                _retryNotBefore = _timeProvider.GetUtcNow() + _backoff;
                _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaximumBackoff.Ticks));
            }

            _onEvent?.Invoke(new RedisConnectionEvent(RedisConnectionEventKind.AttemptFailed, Endpoint, failure.Reason));
            throw;
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            lock (_gate)
            {
                _opening = null;
            }

            throw new RedisConnectionException(Endpoint, "connect", "the client is shutting down");
        }
    }
}
