using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>Opening: TCP, optional TLS, then <c>HELLO</c> (or <c>AUTH</c>) and <c>SELECT</c>, all within the connect timeout.</summary>
internal sealed partial class RespConnection
{
    /// <summary>
    /// Opens a ready-to-use connection. Throws <see cref="RedisConnectionException"/> when the server
    /// cannot be reached in time and <see cref="RedisServerException"/> when it refuses the
    /// credentials or the database.
    /// </summary>
    public static async Task<RespConnection> OpenAsync(RedisConnectionSettings settings, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        RespConnection? connection = null;
        var step = "connect";
        try
        {
            await socket.ConnectAsync(settings.Endpoint.Host, settings.Endpoint.Port, deadline.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (settings.UseTls)
            {
                step = "TLS handshake";
                stream = await AuthenticateAsync(settings, stream, deadline.Token);
            }

            connection = new RespConnection(settings, socket, stream);
            connection._readLoop = Task.Run(connection.ReadRepliesAsync, CancellationToken.None);
            await connection.PrepareAsync(deadline.Token);
            return connection;
        }
        catch (Exception exception) when (exception is not RedisServerException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            var reason = exception switch
            {
                OperationCanceledException => $"no answer within {settings.ConnectTimeout.TotalMilliseconds:0}ms",
                RedisConnectionException redis => redis.Reason,
                AuthenticationException => $"TLS handshake failed ({exception.Message})",
                _ => $"cannot connect ({Describe(exception)})",
            };
            throw new RedisConnectionException(settings.Endpoint, step, reason, exception);
        }
        catch (RedisServerException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var hello = new RedisCommand("HELLO").Add(3);
        if (!string.IsNullOrEmpty(_settings.Password))
        {
            hello.Add("AUTH").Add(string.IsNullOrEmpty(_settings.Username) ? "default" : _settings.Username).Add(_settings.Password);
        }

        try
        {
            await ExecuteAsync(hello, cancellationToken);
            ProtocolVersion = 3;
        }
        catch (RedisServerException refused) when (refused.Code is "NOPROTO" || refused.Reason.Contains("unknown command", StringComparison.OrdinalIgnoreCase))
        {
            // A server before Redis 6 speaks only RESP2 and knows only the password form of AUTH.
            if (!string.IsNullOrEmpty(_settings.Password))
            {
                var auth = new RedisCommand("AUTH");
                if (!string.IsNullOrEmpty(_settings.Username))
                {
                    auth.Add(_settings.Username);
                }

                await ExecuteAsync(auth.Add(_settings.Password), cancellationToken);
            }
        }

        if (_settings.Database != 0)
        {
            await ExecuteAsync(new RedisCommand("SELECT").Add(_settings.Database), cancellationToken);
        }
    }

    private static async Task<Stream> AuthenticateAsync(RedisConnectionSettings settings, Stream inner, CancellationToken cancellationToken)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = settings.Endpoint.Host,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(settings, certificate, errors),
        };
        if (settings.ClientCertificate is { } clientCertificate)
        {
            options.ClientCertificates = [clientCertificate];
        }

        await tls.AuthenticateAsClientAsync(options, cancellationToken);
        return tls;
    }

    private static bool IsTrusted(RedisConnectionSettings settings, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (settings.SkipTlsVerification)
        {
            return true;
        }

        if (settings.TrustedAuthorities is not { Count: > 0 } authorities || certificate is null)
        {
            return errors == SslPolicyErrors.None;
        }

        // With our own authorities only the chain is judged again; a wrong host name still fails.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
