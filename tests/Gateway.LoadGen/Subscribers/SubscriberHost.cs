using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Gateway.LoadGen.Servers;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gateway.LoadGen.Subscribers;

/// <summary>
/// The subscribing apps: one Kestrel in this process listening on one loopback port per app, each port
/// presenting that app's X509-SVID and asking for the gateway's client certificate. Every request is
/// read whole, its stamp recorded, and answered 200 with no body (Dapr: success); <c>GET /dapr/subscribe</c>
/// answers <c>[]</c>.
/// </summary>
internal sealed class SubscriberHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SubscriberHost(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The base URL of each app, in the order of the certificates given.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public DeliveryRecorder Recorder { get; } = new();

    public static async Task<SubscriberHost> StartAsync(IReadOnlyList<X509Certificate2> appCertificates, X509Certificate2 ca)
    {
        var ports = appCertificates.Select(_ => FreePort.Next()).ToList();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            for (var i = 0; i < appCertificates.Count; i++)
            {
                var context = SslStreamCertificateContext.Create(appCertificates[i], [ca], offline: true);
                kestrel.Listen(IPAddress.Loopback, ports[i], listen => listen.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = context,
                        ClientCertificateRequired = true,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                        RemoteCertificateValidationCallback = (_, peer, _, _) => peer is not null,
                    }),
                }));
            }
        });
        var app = builder.Build();
        SubscriberHost? host = null;
        app.Run(async context =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                // GET /dapr/subscribe: the apps declare nothing themselves; their subscriptions are resources.
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("[]");
                return;
            }

            var length = (int)(context.Request.ContentLength ?? 0);
            var body = new byte[length > 0 ? length : 4096];
            var read = 0;
            int got;
            while ((got = await context.Request.Body.ReadAsync(body.AsMemory(read))) > 0)
            {
                read += got;
                if (read == body.Length)
                {
                    Array.Resize(ref body, body.Length * 2);
                }
            }

            host!.Recorder.Record(body.AsSpan(0, read));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();
        host = new SubscriberHost(app, [.. ports.Select(port => new Uri($"https://127.0.0.1:{port}"))]);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
