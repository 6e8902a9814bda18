namespace Gateway.Drivers.Redis.Resp;

/// <summary>The read side: one loop per connection turns incoming bytes into replies for waiting callers.</summary>
internal sealed partial class RespConnection
{
    private const int InitialBufferSize = 16 * 1024;

    private async Task ReadRepliesAsync()
    {
        var buffer = new byte[InitialBufferSize];
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    // Make room: move the unparsed tail to the front, and grow when it fills the buffer.
                    var unparsed = end - start;
                    var target = unparsed > buffer.Length / 2 ? new byte[buffer.Length * 2] : buffer;
                    Buffer.BlockCopy(buffer, start, target, 0, unparsed);
                    (buffer, start, end) = (target, 0, unparsed);
                }

                var read = await _stream.ReadAsync(buffer.AsMemory(end), _closing.Token);
                if (read == 0)
                {
                    Fail(new RedisConnectionException(Endpoint, "connection", "closed by the server"));
                    return;
                }

                end += read;
                while (RespParser.TryParse(buffer.AsSpan(start, end - start), out var reply, out var consumed))
                {
                    start += consumed;
                    Deliver(reply!);
                }

                if (start == end)
                {
                    (start, end) = (0, 0);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closed on purpose; Fail has already told every waiting caller.
        }
        catch (RespProtocolException exception)
        {
            Fail(new RedisConnectionException(Endpoint, "connection", $"the server sent invalid RESP ({exception.Message})", exception));
        }
        catch (Exception exception)
        {
            Fail(new RedisConnectionException(Endpoint, "connection", $"connection lost ({Describe(exception)})", exception));
        }
    }

    private void Deliver(RespValue reply)
    {
        if (reply.Kind == RespKind.Push)
        {
            // Out-of-band messages (invalidations, monitor output) answer no command; none are subscribed to.
            return;
        }

        PendingReply? pending;
        lock (_queueGate)
        {
            _waiting.TryDequeue(out pending);
        }

        if (pending is null)
        {
            throw new RespProtocolException("a reply arrived for no command");
        }

        pending.Reply.TrySetResult(reply);
    }
}
