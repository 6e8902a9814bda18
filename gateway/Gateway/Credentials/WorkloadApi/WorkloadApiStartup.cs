namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Start-up with the Workload API: the gateway does not listen before it has a first complete set (its
/// X509-SVID and bundles, and the JWT bundles when JWT-SVIDs are on). Until then it retries with back-off and
/// says every few seconds, at warning level, that it is not serving and why (event 2408).
/// </summary>
internal static class WorkloadApiStartup
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>Waits for the first set; only <paramref name="cancellationToken"/> ends the wait early.</summary>
    public static async Task<GatewayCredentials> WaitForFirstAsync(
        WorkloadApiEndpoint endpoint, WorkloadApiOptions settings, bool jwtBundles, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        var first = new TaskCompletionSource<GatewayCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var source = new WorkloadApiSource(endpoint, settings, jwtBundles, timeProvider, logger);
        var running = source.RunAsync(set => first.TrySetResult(set), _ => { }, stop.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            while (!first.Task.IsCompleted)
            {
                await Task.WhenAny(first.Task, Task.Delay(ReportEvery, timeProvider, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (!first.Task.IsCompleted)
                {
                    WorkloadApiLog.Waiting(logger, endpoint.Text, timeProvider.GetElapsedTime(started).TotalSeconds, source.Problem ?? source.Missing);
                }
            }
        }
        finally
        {
            // The serving gateway opens its own stream (WorkloadApiWatcher); its first message is the whole state again.
            await stop.CancelAsync();
            await running;
        }

        var credentials = await first.Task;
        WorkloadApiWatcher.Report(logger, endpoint.Text, credentials, previous: null);
        return credentials;
    }
}
