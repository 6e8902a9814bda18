using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.TestSupport;

/// <summary>One request the subscriber app received.</summary>
internal sealed record ReceivedDelivery(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ClientSpiffeUri)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A real subscriber app: Kestrel on 127.0.0.1 with HTTPS, presenting its own X509-SVID and asking for
/// the gateway's client certificate. It records every request and answers with <see cref="Reply"/>.
/// </summary>
internal sealed class TestSubscriber : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();

    private TestSubscriber(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Decides the answer to each request: status code and body. Default 200 with no body.</summary>
    public Func<ReceivedDelivery, Task<(int Status, string Body)>> Reply { get; set; } = _ => Task.FromResult((200, ""));

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    public static Task<TestSubscriber> StartAsync(X509Certificate2 serverCertificate, X509Certificate2? issuer = null) =>
        StartAsync(serverCertificate, issuer, port: 0);

    /// <summary>Starts on <paramref name="port"/> (0: one the OS picks), for an app that starts after the gateway knows its address.</summary>
    public static async Task<TestSubscriber> StartAsync(X509Certificate2 serverCertificate, X509Certificate2? issuer, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(serverCertificate, issuer is null ? [] : [issuer], offline: true),
                ClientCertificateRequired = true,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }),
        })));
        var app = builder.Build();
        TestSubscriber? subscriber = null;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var clientCertificate = await context.Connection.GetClientCertificateAsync();
            var uri = clientCertificate?.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault()?.Format(false);
            var delivery = new ReceivedDelivery(context.Request.Path.Value ?? "", headers, buffer.ToArray(), uri);
            subscriber!._received.Enqueue(delivery);
            var (status, body) = await subscriber.Reply(delivery);
            context.Response.StatusCode = status;
            if (body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        subscriber = new TestSubscriber(app, new Uri(address));
        return subscriber;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => _received.Count >= count, $"{count} deliveries to {BaseAddress} (got {_received.Count})", timeout);
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
