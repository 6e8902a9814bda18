using Gateway.Drivers;
using Microsoft.Extensions.Options;

namespace Gateway.Credentials;

/// <summary>
/// Rotation without restart: polls the SVID certificate and key files and every trust bundle file every
/// <see cref="ICredentialSettings.CredentialPollInterval"/>. A change is acted on once the files have stayed
/// the same for one more poll (writers such as spiffe-helper rewrite three files one after another); then
/// a whole new <see cref="GatewayCredentials"/> is loaded and checked (key matches the leaf, own SVID valid
/// against its bundle, every bundle parses) and swapped in. A set that fails keeps the last good one in
/// place, is logged, and is retried at every poll until the files are fixed.
/// </summary>
internal sealed partial class CredentialWatcher(
    CredentialStore store,
    IOptions<ICredentialSettings> options,
    TimeProvider timeProvider,
    ILogger<CredentialWatcher> logger) : BackgroundService
{
    private readonly SvidExpiryWarning _expiry = new(logger);
    private string? _lastLoggedError;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var paths = CredentialFingerprint.WatchedPaths(settings);
        var interval = settings.CredentialPollInterval > TimeSpan.Zero ? settings.CredentialPollInterval : TimeSpan.FromSeconds(5);
        LogNotices(store.Current);
        // The files as they were just before the current set was read, so a change made while the gateway
        // was starting is still noticed.
        var seen = store.Current.SourceFingerprint;
        var pending = false;
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = CredentialFingerprint.Take(paths);
                if (!string.Equals(now, seen, StringComparison.Ordinal))
                {
                    seen = now;
                    pending = true;
                }
                else if (pending)
                {
                    pending = !TryReload(settings);
                }

                _expiry.Check(store.Current, timeProvider.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private bool TryReload(ICredentialSettings settings)
    {
        var at = timeProvider.GetUtcNow();
        GatewayCredentials loaded;
        try
        {
            loaded = GatewayCredentials.Load(settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Load reports bad files as InvalidOperationException; anything else must not stop the watcher either.
            store.RecordFailure(ex.Message, at);
            if (!string.Equals(_lastLoggedError, ex.Message, StringComparison.Ordinal))
            {
                _lastLoggedError = ex.Message;
                LogReloadFailed(logger, store.Current.Id.ToString(), store.Current.Svid.SerialNumber, ex.Message);
            }

            return false;
        }

        var previous = store.Current;
        store.Replace(loaded, at);
        _lastLoggedError = null;
        LogReloaded(logger, loaded.Id.ToString(), previous.Svid.SerialNumber, loaded.Svid.SerialNumber, loaded.Svid.NotAfter.ToUniversalTime(), string.Join(", ", loaded.Bundles.TrustDomains));
        LogNotices(loaded);
        return true;
    }

    private void LogNotices(GatewayCredentials credentials)
    {
        foreach (var notice in credentials.Notices)
        {
            LogBundleNotice(logger, notice);
        }
    }

    [LoggerMessage(EventId = EventIds.CredentialWatcher.Reloaded, Level = LogLevel.Information, Message = "Credentials reloaded for {SpiffeId}: SVID serial {OldSerial} -> {NewSerial}, expires {NotAfter:O}; trust domains: {TrustDomains}")]
    private static partial void LogReloaded(ILogger logger, string spiffeId, string oldSerial, string newSerial, DateTime notAfter, string trustDomains);

    [LoggerMessage(EventId = EventIds.CredentialWatcher.ReloadFailed, Level = LogLevel.Warning, Message = "Credential files changed but cannot be used; keeping the current set for {SpiffeId} (SVID serial {Serial}) and retrying at every poll: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string spiffeId, string serial, string reason);

    [LoggerMessage(EventId = EventIds.CredentialWatcher.BundleNotice, Level = LogLevel.Information, Message = "Trust bundle entry ignored: {Notice}")]
    private static partial void LogBundleNotice(ILogger logger, string notice);
}
