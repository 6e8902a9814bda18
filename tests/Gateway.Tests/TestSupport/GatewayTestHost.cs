using System.Security.Cryptography.X509Certificates;
using Gateway.Credentials;
using Gateway.Hosting;
using Gateway.Pubsub;
using Gateway.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// The real gateway, in this process: Kestrel on 127.0.0.1 with a free port, real TLS with the test
/// PKI's certificates, resources from YAML written to a temporary folder.
/// </summary>
internal sealed class GatewayTestHost : IAsyncDisposable
{
    private GatewayTestHost(WebApplication app, Uri baseAddress, TestPki pki, string resourcesDirectory, RecordingLoggerProvider logs)
    {
        Logs = logs;
        App = app;
        BaseAddress = baseAddress;
        Pki = pki;
        ResourcesDirectory = resourcesDirectory;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public TestPki Pki { get; }

    public string ResourcesDirectory { get; }

    /// <summary>Every log event the gateway wrote.</summary>
    public RecordingLoggerProvider Logs { get; }

    public static async Task<GatewayTestHost> StartAsync(TestPki pki, string resourcesYaml, Action<GatewayOptions>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-resources-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "resources.yaml"), resourcesYaml);
        var options = new GatewayOptions
        {
            ResourcesPath = directory,
            Listen = "https://127.0.0.1:0",
            SvidCert = pki.GatewayCertPath,
            SvidKey = pki.GatewayKeyPath,
            TrustBundles = { [pki.TrustDomain] = pki.CaPath },
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            StateDirectory = Path.Combine(directory, "state"),
        };
        configure?.Invoke(options);

        var loaded = ResourceLoader.Load(directory, DriverCatalog.Default);
        if (loaded.Errors.Count > 0)
        {
            throw new InvalidOperationException("test resources are invalid:\n" + string.Join('\n', loaded.Errors));
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        var logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs);
        // The gateway's own debug events are recorded too, so tests can see what is logged below the default level.
        builder.Logging.AddFilter("Gateway", LogLevel.Debug);
        var app = GatewayApp.Build(builder, options, GatewayCredentials.Load(options), loaded.Resources!, DriverCatalog.Default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayTestHost(app, new Uri(address), pki, directory, logs);
    }

    /// <summary>A client presenting a fresh SVID of <paramref name="appId"/>.</summary>
    public HttpClient ClientFor(string appId, string @namespace = "default") =>
        TlsClients.Create(BaseAddress, Pki.Ca.Certificate, Pki.IssueApp(appId, @namespace));

    /// <summary>A client presenting <paramref name="certificate"/> (or no certificate at all).</summary>
    public HttpClient ClientWith(X509Certificate2? certificate, X509Certificate2Collection? intermediates = null) =>
        TlsClients.Create(BaseAddress, Pki.Ca.Certificate, certificate, intermediates);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(ResourcesDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
