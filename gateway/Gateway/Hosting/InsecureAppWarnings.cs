using Gateway.Drivers;
using Gateway.Resources;

namespace Gateway.Hosting;

/// <summary>Says at start-up, once per app, that deliveries to an <c>http://</c> app are neither encrypted nor identity-checked.</summary>
internal sealed partial class InsecureAppWarnings(ResourceSet resources, ILogger<InsecureAppWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var app in resources.Apps.Where(app => app.BaseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            LogInsecure(logger, app.AppId, app.Namespace, app.BaseUrl);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = EventIds.InsecureAppWarnings.Insecure, Level = LogLevel.Warning,
        Message = "App '{AppId}' in namespace '{AppNamespace}' receives deliveries over plain HTTP at {BaseUrl} (allowInsecure): events travel unencrypted and the app's identity is not checked")]
    private static partial void LogInsecure(ILogger logger, string appId, string appNamespace, string baseUrl);
}
