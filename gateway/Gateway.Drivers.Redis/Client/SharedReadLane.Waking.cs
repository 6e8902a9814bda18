using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Waking a <see cref="SharedReadLane"/>'s blocked read: the reader connection's <c>CLIENT ID</c>, read before each
/// read, and <c>CLIENT UNBLOCK</c> through the pool (<see cref="SharedStreamReads.UnblockAsync"/>).
/// </summary>
internal sealed partial class SharedReadLane
{
    /// <summary><c>CLIENT ID</c> of the reader connection; null when it cannot be sent (the client refuses it: reads then poll).</summary>
    private Task<RedisResult>? IdentifyAsync(IDatabase database)
    {
        try
        {
            return database.ExecuteAsync("CLIENT", ["ID"], CommandFlags.NoRedirect);
        }
        catch (RedisCommandException refused)
        {
            _pool.RefuseWakeUps(refused.Message);
            return null;
        }
    }

    /// <summary>The reader connection's id, or null when it cannot be had (the server refuses it: reads then poll).</summary>
    private async Task<long?> IdentifiedAsync(Task<RedisResult> clientId)
    {
        try
        {
            return (long)await clientId.WaitAsync(_closing.Token);
        }
        catch (RedisServerException refused) when (SharedStreamReads.IsRefusal(refused))
        {
            _pool.RefuseWakeUps(refused.Message);
            return null;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            // The connection broke (the read fails too, and is handled there), or a passing error: this read cannot be woken.
            return null;
        }
    }

    /// <summary>
    /// Sends the wake-up. The server may not have the read blocked yet (the wake-up travels on another connection), or
    /// the read may have ended by itself meanwhile; a few tries cover the first, the second needs none.
    /// </summary>
    private async Task WakeAsync(SharedRead read)
    {
        for (var attempt = 0; attempt < WakeAttempts; attempt++)
        {
            if (await _pool.UnblockAsync(read.Endpoint!, read.ClientId!.Value))
            {
                return;
            }

            lock (_gate)
            {
                if (_current != read)
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10 << attempt), _timeProvider);
        }
    }
}
