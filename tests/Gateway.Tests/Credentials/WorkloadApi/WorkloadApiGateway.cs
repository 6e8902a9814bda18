using Gateway.Credentials;
using Gateway.Hosting;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Credentials.WorkloadApi;

/// <summary>
/// The real gateway in this process with the Workload API as its credential source, started as
/// <c>gateway run --spiffe-endpoint</c> starts it: the first set is awaited before Kestrel listens on
/// 127.0.0.1 with a free port.
/// </summary>
internal sealed class WorkloadApiGateway : IAsyncDisposable
{
    public const string Resources = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
        """;

    private readonly string _directory;

    private WorkloadApiGateway(WebApplication app, Uri baseAddress, string directory, RecordingLoggerProvider logs)
    {
        App = app;
        BaseAddress = baseAddress;
        _directory = directory;
        Logs = logs;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public RecordingLoggerProvider Logs { get; }

    public CredentialStore Store => App.Services.GetRequiredService<CredentialStore>();

    public static async Task<WorkloadApiGateway> StartAsync(string endpoint, Action<GatewayOptions>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-spire-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "resources.yaml"), Resources);
        var options = new GatewayOptions
        {
            ResourcesPath = directory,
            Listen = "https://127.0.0.1:0",
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            StateDirectory = Path.Combine(directory, "state"),
            CredentialPollInterval = TimeSpan.FromMilliseconds(200),
            WorkloadApi = { Endpoint = endpoint, MaxRetryInterval = TimeSpan.FromSeconds(1) },
        };
        configure?.Invoke(options);

        var logs = new RecordingLoggerProvider();
        using var startupLogging = LoggerFactory.Create(logging => logging.AddProvider(logs));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var credentials = await GatewayCredentialSource.LoadAsync(options, _ => null, TimeProvider.System, startupLogging.CreateLogger("startup"), timeout.Token);

        var loaded = ResourceLoader.Load(directory, DriverCatalog.Default);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        var app = GatewayApp.Build(builder, options, credentials, loaded.Resources!, DriverCatalog.Default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WorkloadApiGateway(app, new Uri(address), directory, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
