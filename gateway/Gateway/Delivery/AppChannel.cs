using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Gateway.Credentials;
using Gateway.Identity;
using Gateway.Resiliency;
using Gateway.Resources;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>
/// The HTTP connection pool to one app. For <c>https://</c> apps the gateway presents its own SVID and
/// accepts the app only if it presents a valid X509-SVID with exactly the SPIFFE ID expected for it.
/// After a credential rotation new connections present the new SVID (a new pool is started for the new
/// set; the old one closes once its requests are done) and apps are always checked against the current bundles.
/// </summary>
internal sealed partial class AppChannel : IDisposable
{
    private const int MaxReplyBytes = 64 * 1024;

    private readonly CredentialBoundClients _clients;
    private readonly Uri _baseUri;
    private readonly AppConcurrencyLimiter _limiter;
    private readonly AppBackoff _backoff;
    private string? _lastCertificateRefusal;

    public AppChannel(AppSpec app, SpiffeId expectedId, Func<GatewayCredentials> credentials, TimeProvider timeProvider)
    {
        App = app;
        ExpectedId = expectedId;
        _baseUri = new Uri(app.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        _limiter = new AppConcurrencyLimiter(app.MaxConcurrency);
        _backoff = new AppBackoff(timeProvider);
        _clients = new CredentialBoundClients(credentials, current => CreateClient(current, credentials, timeProvider));
        Failures = new FailureRun(timeProvider, FailureRun.DefaultPeriod);
    }

    /// <summary>The app's current run of failed deliveries, shared by all its subscriptions, so the log stays short while it is down.</summary>
    public FailureRun Failures { get; }

    public AppSpec App { get; }

    /// <summary>The SPIFFE ID the app must present.</summary>
    public SpiffeId ExpectedId { get; }

    /// <summary>
    /// POSTs one delivery and reads the reply. Waits first while the app is backed off after being
    /// unreachable, then for one of the app's <c>maxConcurrency</c> slots; <paramref name="timeout"/>
    /// bounds only the exchange itself, not the wait. Transport failures and timeouts come back as a
    /// retriable reply; only <paramref name="cancellationToken"/> throws.
    /// </summary>
    public async Task<AppReply> PostAsync(
        string path,
        ReadOnlyMemory<byte> body,
        string contentType,
        IEnumerable<KeyValuePair<string, string>> headers,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        await _backoff.WaitAsync(cancellationToken);
        using var slot = await _limiter.AcquireAsync(cancellationToken);
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exchange.CancelAfter(timeout);
        try
        {
            var (status, reply) = await SendAsync(HttpMethod.Post, path, body, contentType, headers, exchange.Token);
            _backoff.Answered();
            return AppReplyReader.Interpret(status, reply);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AppReply(AppReplyStatus.Retry, 0, $"the app did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            _backoff.Unreachable();
            return new AppReply(AppReplyStatus.Retry, 0, CertificateRefusal(ex) ?? $"cannot reach the app at {_baseUri}: {ex.Message}");
        }
        catch (IOException ex)
        {
            // The app answered, so it is up; only this reply was cut off.
            _backoff.Answered();
            return new AppReply(AppReplyStatus.Retry, 0, $"the app's answer was cut off: {ex.Message}");
        }
    }

    /// <summary>The app's limit on deliveries in flight, shared by all its subscriptions.</summary>
    public AppConcurrencyLimiter Limiter => _limiter;

    /// <summary>GETs a path of the app (subscription discovery). Transport failures throw <see cref="HttpRequestException"/> with the reason.</summary>
    public async Task<(int Status, byte[] Body)> GetAsync(string path, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, path, null, null, headers, cancellationToken);
        }
        catch (HttpRequestException ex) when (CertificateRefusal(ex) is { } refusal)
        {
            throw new HttpRequestException(refusal, ex);
        }
    }

    /// <summary>One request to the app, on the pool of the current credentials; the reply's status and (at most 64 KiB of) body.</summary>
    private async Task<(int Status, byte[] Body)> SendAsync(
        HttpMethod method,
        string path,
        ReadOnlyMemory<byte>? body,
        string? contentType,
        IEnumerable<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Under(path));
        if (body is { } content)
        {
            request.Content = new ReadOnlyMemoryContent(content);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var lease = _clients.Acquire();
        using var response = await lease.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return ((int)response.StatusCode, await ReadReplyAsync(response.Content, cancellationToken));
    }

    /// <summary>
    /// <paramref name="path"/> joined to the app's base URL. Routes are checked where they are declared; this
    /// is the last guard that a delivery never leaves the app's scheme, host, port and base path.
    /// </summary>
    private Uri Under(string path)
    {
        var target = new Uri(_baseUri, path.TrimStart('/'));
        if (target.Scheme != _baseUri.Scheme || target.Authority != _baseUri.Authority
            || !target.AbsolutePath.StartsWith(_baseUri.AbsolutePath, StringComparison.Ordinal))
        {
            throw new HttpRequestException($"the path '{path}' leads outside the app's baseUrl {_baseUri}; nothing was sent");
        }

        return target;
    }

    /// <summary>Why the app's certificate was refused, when that is what made <paramref name="exception"/>; else null.</summary>
    private string? CertificateRefusal(HttpRequestException exception) =>
        exception.InnerException is AuthenticationException && _lastCertificateRefusal is { } refusal
            ? $"the app's certificate was refused: {refusal}"
            : null;

    private HttpClient CreateClient(GatewayCredentials own, Func<GatewayCredentials> credentials, TimeProvider timeProvider)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = own.ServerContext,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

                // The newest bundles, not those of the set this pool was made with: de-federation applies at once.
                RemoteCertificateValidationCallback = (_, certificate, chain, _) => AcceptApp(certificate, chain, credentials().Bundles, timeProvider),
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static async Task<byte[]> ReadReplyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);

        // A pooled buffer: most replies are a few bytes, and a fresh 64 KiB array per delivery was the largest
        // allocation of the delivery path.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxReplyBytes);
        try
        {
            var total = 0;
            int read;
            while (total < MaxReplyBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxReplyBytes - total), cancellationToken)) > 0)
            {
                total += read;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool AcceptApp(X509Certificate? certificate, X509Chain? chain, TrustBundleSet bundles, TimeProvider timeProvider)
    {
        if (certificate is null)
        {
            _lastCertificateRefusal = "the app presented no certificate";
            return false;
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var result = X509SvidValidator.Validate(leaf, chain, bundles, timeProvider.GetUtcNow(), SvidPeerRole.Server);
        if (!result.IsValid)
        {
            _lastCertificateRefusal = result.Message;
            return false;
        }

        if (result.SpiffeId != ExpectedId)
        {
            _lastCertificateRefusal = $"the app presented '{result.SpiffeId}' but '{ExpectedId}' was expected for app '{App.AppId}'";
            return false;
        }

        return true;
    }

    public void Dispose() => _clients.Dispose();
}
