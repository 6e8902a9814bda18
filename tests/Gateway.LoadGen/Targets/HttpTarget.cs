using System.Net;
using Gateway.LoadGen.Http;
using Gateway.LoadGen.Load;

namespace Gateway.LoadGen.Targets;

/// <summary>
/// POSTs to an HTTPS endpoint with the publisher's client certificate: the gateway's publish (or bulk
/// publish) API, or the no-op endpoint. Each worker keeps one connection open, or, with
/// <paramref name="newConnectionPerRequest"/>, opens a new TLS connection for every request (handshake cost).
/// </summary>
internal sealed class HttpTarget(
    IPEndPoint endpoint,
    string path,
    byte[] body,
    int messagesPerSend,
    TlsClientSettings tls,
    HttpClientKind client,
    int workers,
    bool newConnectionPerRequest) : ILoadTarget
{
    private readonly Lazy<HttpClient> _httpClient = new(() => CreateHttpClient(tls, workers));

    public int MessagesPerSend => messagesPerSend;

    public ValueTask<IMessageSender> CreateSenderAsync(CancellationToken cancellationToken)
    {
        IMessageSender sender = client == HttpClientKind.HttpClient
            ? new HttpClientSender(_httpClient.Value, new Uri($"https://{endpoint}{path}"), body)
            : new RawSender(endpoint, new HttpRequestBytes(endpoint, path, body, newConnectionPerRequest), tls, newConnectionPerRequest);
        return ValueTask.FromResult(sender);
    }

    public ValueTask DisposeAsync()
    {
        if (_httpClient.IsValueCreated)
        {
            _httpClient.Value.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static HttpClient CreateHttpClient(TlsClientSettings tls, int workers) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = workers,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        SslOptions = tls.Options("127.0.0.1"),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
