using Microsoft.Extensions.Options;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Rotation and federation from the Workload API while the gateway serves: every set the stream hands out
/// replaces the current one whole (new handshakes and outbound connections use it; open connections keep
/// theirs), a federated domain that appears is trusted and one that disappears is not. While the agent is
/// away the last good set stays and <see cref="CredentialStore.Status"/> says why it is stale. Also warns
/// when the own SVID is overdue for renewal.
/// </summary>
internal sealed class WorkloadApiWatcher(
    CredentialStore store,
    IOptions<ICredentialSettings> options,
    TimeProvider timeProvider,
    ILogger<WorkloadApiWatcher> logger) : BackgroundService
{
    private readonly SvidExpiryWarning _expiry = new(logger);
    private string _endpoint = string.Empty;
    private WorkloadApiSource? _source;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!WorkloadApiEndpoint.TryParse(settings.WorkloadApi.Endpoint ?? string.Empty, out var endpoint, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _endpoint = endpoint.Text;
        _source = new WorkloadApiSource(endpoint, settings.WorkloadApi, settings.FetchJwtBundles, timeProvider, logger);
        var interval = settings.CredentialPollInterval > TimeSpan.Zero ? settings.CredentialPollInterval : TimeSpan.FromSeconds(5);
        await Task.WhenAll(
            _source.RunAsync(Apply, problem => store.RecordFailure(problem, timeProvider.GetUtcNow()), stoppingToken),
            WarnIfExpiringAsync(interval, stoppingToken));
    }

    private void Apply(GatewayCredentials next)
    {
        var previous = store.Current;
        var now = timeProvider.GetUtcNow();
        // The same state again, as after every reconnection, needs no swap.
        var changed = !string.Equals(previous.SourceFingerprint, next.SourceFingerprint, StringComparison.Ordinal);
        if (changed)
        {
            store.Replace(next, now);
            Report(logger, _endpoint, next, previous);
        }

        // The other stream may still be down: the set is then the newest to be had, but not the newest there is.
        if (_source?.Problem is { } problem)
        {
            store.RecordFailure(problem, now);
        }
        else if (!changed)
        {
            store.ClearFailure();
        }
    }

    /// <summary>Logs a new set: what it is, which trust domains came and went, and what was ignored.</summary>
    internal static void Report(ILogger logger, string endpoint, GatewayCredentials next, GatewayCredentials? previous)
    {
        WorkloadApiLog.Using(
            logger, endpoint, next.Id.ToString(), next.Svid.SerialNumber, next.Svid.Thumbprint, next.Svid.NotAfter.ToUniversalTime(), string.Join(", ", next.Bundles.TrustDomains));
        if (previous is not null)
        {
            foreach (var added in next.Bundles.TrustDomains.Except(previous.Bundles.TrustDomains, StringComparer.Ordinal))
            {
                WorkloadApiLog.Federated(logger, added);
            }

            foreach (var removed in previous.Bundles.TrustDomains.Except(next.Bundles.TrustDomains, StringComparer.Ordinal))
            {
                WorkloadApiLog.Redacted(logger, removed);
            }
        }

        foreach (var notice in next.Notices)
        {
            WorkloadApiLog.Notice(logger, notice);
        }
    }

    private async Task WarnIfExpiringAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            do
            {
                _expiry.Check(store.Current, timeProvider.GetUtcNow());
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
