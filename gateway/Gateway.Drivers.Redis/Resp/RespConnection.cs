using System.Buffers;
using System.Net.Sockets;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// One open connection to a server, shared by any number of concurrent callers. Commands are written
/// in the order callers arrive and the server answers in that order, so replies are matched to
/// callers first-in first-out. Once anything goes wrong (socket error, protocol error, a reply later
/// than the command timeout) the connection fails every waiting caller and stays closed.
/// </summary>
internal sealed partial class RespConnection : IAsyncDisposable
{
    private readonly RedisConnectionSettings _settings;
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _queueGate = new();
    private readonly Queue<PendingReply> _waiting = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _readLoop = Task.CompletedTask;
    private RedisConnectionException? _failure;

    private RespConnection(RedisConnectionSettings settings, Socket socket, Stream stream)
    {
        _settings = settings;
        _socket = socket;
        _stream = stream;
    }

    public RedisEndpoint Endpoint => _settings.Endpoint;

    /// <summary>2 or 3, as agreed by <c>HELLO</c>.</summary>
    public int ProtocolVersion { get; private set; } = 2;

    public bool IsOpen => Volatile.Read(ref _failure) is null;

    /// <summary>
    /// Sends <paramref name="command"/> and waits for its reply. An error reply throws
    /// <see cref="RedisServerException"/>; a broken connection throws <see cref="RedisConnectionException"/>.
    /// </summary>
    /// <param name="extraTime">Added to the command timeout, for commands that block on the server on purpose.</param>
    public async Task<RespValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken, TimeSpan extraTime = default)
    {
        var replies = await SendAsync([command], cancellationToken);
        return await AwaitReplyAsync(command, replies[0], extraTime, cancellationToken);
    }

    /// <summary>
    /// Writes every command in one go (pipelining) and returns one task per command, each completing
    /// with that command's reply or its own error.
    /// </summary>
    public async Task<IReadOnlyList<Task<RespValue>>> ExecuteBatchAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken)
    {
        var replies = await SendAsync(commands, cancellationToken);
        return [.. commands.Select((command, i) => AwaitReplyAsync(command, replies[i], TimeSpan.Zero, cancellationToken))];
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new RedisConnectionException(Endpoint, "connection", "closed by the client"));
        try
        {
            await _readLoop;
        }
        catch (Exception)
        {
            // The read loop's failure has already been handed to every waiting caller.
        }

        _closing.Dispose();
        _writeLock.Dispose();
    }

    private async Task<PendingReply[]> SendAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken)
    {
        var output = new ArrayBufferWriter<byte>();
        var replies = new PendingReply[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            RespWriter.Write(commands[i], output);
            replies[i] = new PendingReply(commands[i]);
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            lock (_queueGate)
            {
                if (_failure is { } failure)
                {
                    throw new RedisConnectionException(Endpoint, commands[0].Name, failure.Reason, failure);
                }

                // Queued before the bytes leave, under the write lock, so queue order is wire order.
                foreach (var reply in replies)
                {
                    _waiting.Enqueue(reply);
                }
            }

            try
            {
                await _stream.WriteAsync(output.WrittenMemory, _closing.Token);
                await _stream.FlushAsync(_closing.Token);
            }
            catch (Exception exception)
            {
                Fail(new RedisConnectionException(Endpoint, commands[0].Name, $"could not send ({Describe(exception)})", exception));
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return replies;
    }

    private async Task<RespValue> AwaitReplyAsync(RedisCommand command, PendingReply pending, TimeSpan extraTime, CancellationToken cancellationToken)
    {
        var timeout = _settings.CommandTimeout + extraTime;
        RespValue reply;
        try
        {
            reply = await pending.Reply.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A late reply would leave the connection in doubt; everyone waiting on it starts afresh.
            var failure = new RedisConnectionException(Endpoint, command.Name, $"no reply within {timeout.TotalMilliseconds:0}ms");
            Fail(failure);
            throw failure;
        }
        catch (RedisConnectionException failure) when (failure.Command != command.Name)
        {
            throw new RedisConnectionException(Endpoint, command.Name, failure.Reason, failure);
        }

        return reply.IsError
            ? throw new RedisServerException(Endpoint, command.Name, reply.AsString() ?? "")
            : reply;
    }

    private void Fail(RedisConnectionException failure)
    {
        PendingReply[] abandoned;
        lock (_queueGate)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = failure;
            abandoned = [.. _waiting];
            _waiting.Clear();
        }

        _closing.Cancel();
        _stream.Dispose();
        _socket.Dispose();
        foreach (var pending in abandoned)
        {
            pending.Reply.TrySetException(failure);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        SocketException socket => socket.SocketErrorCode.ToString(),
        IOException { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
        _ => exception.Message,
    };

    private sealed class PendingReply(RedisCommand command)
    {
        public RedisCommand Command { get; } = command;

        public TaskCompletionSource<RespValue> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
