using Gateway.Drivers;
using Gateway.Resources;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>
/// Live reload: polls the resources folder, and the secret files its <c>secretstores.local.file</c> stores
/// read, every <see cref="GatewayOptions.ResourcesPollInterval"/>. When they change the folder is loaded and
/// validated as at start; a set with errors is logged (every error) and the last good set stays in use; a
/// valid set is handed to <see cref="ResourceReloader"/>. Only the loop touches <c>_secretFiles</c> after start.
/// </summary>
internal sealed partial class ResourceWatcher(
    ResourceReloader reloader,
    IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories,
    ResourceSet initial,
    IOptions<GatewayOptions> options,
    TimeProvider timeProvider,
    ILogger<ResourceWatcher> logger) : BackgroundService
{
    private string _seen = "";
    private IReadOnlyList<string> _secretFiles = initial.SecretFiles;

    /// <summary>
    /// Takes the folder's fingerprint while the host starts, before it serves: <see cref="ExecuteAsync"/>
    /// runs on a background thread, and a change made right after start must not become the baseline.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _seen = ResourceFingerprint.Take(options.Value.ResourcesPath, options.Value.MaxResourceFileBytes, _secretFiles);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = options.Value.ResourcesPath;
        var interval = options.Value.ResourcesPollInterval > TimeSpan.Zero ? options.Value.ResourcesPollInterval : TimeSpan.FromSeconds(5);
        var seen = _seen;
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // A load that names other secret files changes the fingerprint's parts: the next poll then
                    // reloads once more, which changes nothing when nothing else changed, and misses nothing.
                    var now = ResourceFingerprint.Take(directory, options.Value.MaxResourceFileBytes, _secretFiles);
                    if (string.Equals(now, seen, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    seen = now;
                    await ReloadAsync(directory, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Whatever went wrong, the last good set stays and the next poll tries again.
                    LogReloadFailed(logger, ex, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReloadAsync(string directory, CancellationToken cancellationToken)
    {
        LogChanged(logger, directory);
        var loaded = ResourceLoader.Load(directory, driverFactories, options.Value.MaxResourceFileBytes);
        _secretFiles = loaded.SecretFiles;
        foreach (var warning in loaded.Warnings)
        {
            LogWarning(logger, warning.ToString());
        }

        if (loaded.Resources is null || loaded.Errors.Count > 0)
        {
            foreach (var error in loaded.Errors)
            {
                LogInvalid(logger, error.ToString());
            }

            LogKept(logger, loaded.Errors.Count);
            return;
        }

        await reloader.ApplyAsync(loaded.Resources, cancellationToken);
    }

    [LoggerMessage(EventId = EventIds.ResourceWatcher.Changed, Level = LogLevel.Information, Message = "Resources under '{Directory}' changed; loading them")]
    private static partial void LogChanged(ILogger logger, string directory);

    [LoggerMessage(EventId = EventIds.ResourceWatcher.Invalid, Level = LogLevel.Error, Message = "Changed resources are invalid: {Error}")]
    private static partial void LogInvalid(ILogger logger, string error);

    [LoggerMessage(EventId = EventIds.ResourceWatcher.Kept, Level = LogLevel.Error, Message = "Changed resources not applied ({Count} errors); the last good set stays in use")]
    private static partial void LogKept(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.ResourceWatcher.ReloadFailed, Level = LogLevel.Error, Message = "Reloading the resources failed; the last good set stays in use: {Error}")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = EventIds.ResourceWatcher.Warning, Level = LogLevel.Warning, Message = "Changed resources: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
