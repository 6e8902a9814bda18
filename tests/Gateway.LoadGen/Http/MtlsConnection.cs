using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Gateway.LoadGen.Http;

/// <summary>
/// One HTTP/1.1 connection over TLS with a client certificate, hand-rolled so that the generator adds
/// as little as possible per request: the request is written as prepared bytes and the response is
/// read just far enough to know its status and skip its body (Content-Length or chunked).
/// One request at a time.
/// </summary>
internal sealed partial class MtlsConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SslStream _tls;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private MtlsConnection(Socket socket, SslStream tls)
    {
        _socket = socket;
        _tls = tls;
    }

    /// <summary>False once the server said <c>Connection: close</c>; the connection must not be reused.</summary>
    public bool Reusable { get; private set; } = true;

    public static async Task<MtlsConnection> OpenAsync(IPEndPoint endpoint, TlsClientSettings tls, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            var stream = new SslStream(new NetworkStream(socket, ownsSocket: true));
            await stream.AuthenticateAsClientAsync(tls.Options(endpoint.Address.ToString()), cancellationToken);
            return new MtlsConnection(socket, stream);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes <paramref name="request"/> (a whole HTTP/1.1 request) and returns the response's status code.</summary>
    /// <exception cref="IOException">The connection broke or the response was not HTTP/1.1.</exception>
    public async ValueTask<int> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await _tls.WriteAsync(request, cancellationToken);
        return await ReadResponseAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _tls.DisposeAsync();
        _socket.Dispose();
    }
}
