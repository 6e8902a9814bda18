using System.Net;
using Gateway.LoadGen.Http;
using Gateway.LoadGen.Load;

namespace Gateway.LoadGen.Targets;

/// <summary>One worker on <see cref="MtlsConnection"/>: reuses its connection, reopens it after a failure or a close.</summary>
internal sealed class RawSender(IPEndPoint endpoint, HttpRequestBytes request, TlsClientSettings tls, bool newConnectionPerRequest) : IMessageSender
{
    private readonly byte[] _request = request.CopyForWorker();
    private MtlsConnection? _connection;

    public async ValueTask<string?> SendAsync(long stamp, CancellationToken cancellationToken)
    {
        Payload.Write(_request, request.StampOffsets, stamp);
        try
        {
            _connection ??= await MtlsConnection.OpenAsync(endpoint, tls, cancellationToken);
            var status = await _connection.SendAsync(_request, cancellationToken);
            if (newConnectionPerRequest || !_connection.Reusable)
            {
                await CloseAsync();
            }

            return status is >= 200 and < 300 ? null : $"http {status}";
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            await CloseAsync();
            return ex is System.Security.Authentication.AuthenticationException ? "tls" : "io";
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async ValueTask CloseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
