using System.Buffers;
using System.Text;
using Gateway.Drivers;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Authentication;

/// <summary>
/// A plain-HTTP request sent to the TLS port (an <c>http://</c> URL, a forgotten <c>--cacert</c> scheme) would
/// only see the connection close. The first bytes of each connection are looked at before TLS: a request
/// line instead of a TLS handshake is answered with a one-line hint and the connection closed. Logged once at
/// information level, then at debug, so nobody can flood the log with it.
/// </summary>
internal static partial class PlainHttpHint
{
    private static readonly string[] Methods = ["GET ", "POST", "PUT ", "HEAD", "DELE", "PATC", "OPTI"];

    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(Response(
        "This port speaks HTTPS with client certificates (mTLS), not plain HTTP: use an https:// URL and present an X509-SVID, for example curl --cacert ca.crt --cert app.crt --key app.key https://...\n"));

    private static int _logged;

    /// <summary>Adds the check in front of <paramref name="listen"/>'s TLS; call it before <c>UseHttps</c>.</summary>
    public static void Use(ListenOptions listen)
    {
        listen.Use(next => async connection =>
        {
            var input = connection.Transport.Input;
            while (true)
            {
                var result = await input.ReadAsync(connection.ConnectionClosed);
                var buffer = result.Buffer;
                if (buffer.Length < 4 && !result.IsCompleted)
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                var plain = buffer.Length >= 4 && IsRequestLine(buffer.Slice(0, 4));
                input.AdvanceTo(buffer.Start);
                if (!plain)
                {
                    break;
                }

                var logger = listen.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlainHttpHint).FullName!);
                var remote = connection.RemoteEndPoint?.ToString() ?? "?";
                if (Interlocked.Exchange(ref _logged, 1) == 0)
                {
                    LogFirst(logger, remote);
                }
                else
                {
                    LogAgain(logger, remote);
                }

                await connection.Transport.Output.WriteAsync(Answer, connection.ConnectionClosed);
                await connection.Transport.Output.CompleteAsync();
                return;
            }

            await next(connection);
        });
    }

    private static bool IsRequestLine(ReadOnlySequence<byte> start)
    {
        Span<byte> first = stackalloc byte[4];
        start.CopyTo(first);
        var text = Encoding.ASCII.GetString(first);
        return Methods.Contains(text, StringComparer.Ordinal);
    }

    private static string Response(string body) =>
        $"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    [LoggerMessage(EventId = EventIds.PlainHttpHint.First, Level = LogLevel.Information,
        Message = "Plain HTTP from {RemoteAddress} on the HTTPS port: answered with a hint to use https:// and a client certificate (further ones are logged at debug level)")]
    private static partial void LogFirst(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = EventIds.PlainHttpHint.Again, Level = LogLevel.Debug, Message = "Plain HTTP from {RemoteAddress} on the HTTPS port: answered with a hint")]
    private static partial void LogAgain(ILogger logger, string remoteAddress);
}
