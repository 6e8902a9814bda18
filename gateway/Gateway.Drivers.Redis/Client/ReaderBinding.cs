using System.Net;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// The client a blocking reader (<see cref="SharedReadLane"/>, <see cref="BlockingStreamReader"/>) reads through, and
/// the server it is bound to. Its owner unbinds after a failed read; a client whose connection dropped while no read
/// was in flight (an idle lane when its primary died) is replaced when the next read binds, since it never reconnects
/// by itself (<see cref="RedisClientConfiguration.Reader"/>). Used by one loop at a time, so it needs no lock.
/// </summary>
internal sealed class ReaderBinding(RedisConnection shared, TimeSpan longestBlock)
{
    private ConnectionMultiplexer? _client;

    /// <summary>The server of the client bound last; null before the first bind.</summary>
    public EndPoint? Endpoint { get; private set; }

    /// <summary>The bound client, or a new one bound to the server that owns <paramref name="stream"/> now.</summary>
    public async Task<(ConnectionMultiplexer Client, EndPoint Endpoint)> BindAsync(RedisKey stream, CancellationToken cancellationToken)
    {
        if (_client is { } client)
        {
            if (client.IsConnected)
            {
                return (client, Endpoint!);
            }

            await UnbindAsync();
        }

        var (bound, endpoint) = await ReaderConnection.ConnectAsync(shared, stream, longestBlock, cancellationToken);
        (_client, Endpoint) = (bound, endpoint);
        return (bound, endpoint);
    }

    public async Task UnbindAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            await ReaderConnection.CloseAsync(client);
        }
    }
}
