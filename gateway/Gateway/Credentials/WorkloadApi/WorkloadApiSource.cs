using Grpc.Core;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Streams the gateway's credentials from the Workload API: <c>FetchX509SVID</c> always, and
/// <c>FetchJWTBundles</c> when JWT-SVIDs are on, each in its own loop that reconnects with back-off (1 s,
/// doubling, up to <see cref="WorkloadApiOptions.MaxRetryInterval"/>) after any failure, including
/// <c>PermissionDenied</c> (no registration for the gateway yet) and <c>Unavailable</c> (agent away).
/// Every usable state is handed to <c>accepted</c> as a whole set; every problem to <c>failed</c>, while the
/// last good state stays the basis for the next message. The loops never end on an error, only when
/// cancelled.
/// </summary>
internal sealed class WorkloadApiSource(WorkloadApiEndpoint endpoint, WorkloadApiOptions settings, bool jwtBundles, TimeProvider timeProvider, ILogger logger)
{
    private const string X509Method = "FetchX509SVID";
    private const string JwtMethod = "FetchJWTBundles";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    // Guards the two latest good messages and the problems below, and serialises building and handing out
    // sets so that they are handed out in the order the messages arrived; both stream loops take it.
    private readonly Lock _gate = new();
    private X509SVIDResponse? _x509;
    private JWTBundlesResponse? _jwt;
    // Per method: why its newest state is not in use (the stream is down, or its last message was discarded).
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <summary>What <see cref="GatewayCredentials.Source"/> says for sets from here.</summary>
    public string Source => $"workload-api {endpoint}";

    /// <summary>
    /// Why the newest state cannot be had: a stream that is down, or the last message discarded; null when
    /// every stream delivers and the last set handed out is the newest.
    /// </summary>
    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                return _problems.Values.FirstOrDefault();
            }
        }
    }

    /// <summary>What is still missing before a first set can be handed out, for the start-up log.</summary>
    public string Missing
    {
        get
        {
            lock (_gate)
            {
                return _x509 is null ? "no X509-SVID has arrived yet" : "the X509-SVID arrived; the JWT bundles (for --jwt-svid) have not yet";
            }
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="accepted">Gets each complete, checked set, on a stream loop's thread, one at a time; <see cref="Problem"/> may still name another stream that is down.</param>
    /// <param name="failed">Gets each problem: the agent unreachable, or a message discarded.</param>
    public async Task RunAsync(Action<GatewayCredentials> accepted, Action<string> failed, CancellationToken cancellationToken)
    {
        using var client = new WorkloadApiClient(endpoint);
        var x509 = StreamAsync(X509Method, client.FetchX509Svid, message => OnMessage(message, null, accepted, failed), failed, cancellationToken);
        var jwt = jwtBundles
            ? StreamAsync(JwtMethod, client.FetchJwtBundles, message => OnMessage(null, message, accepted, failed), failed, cancellationToken)
            : Task.CompletedTask;
        await Task.WhenAll(x509, jwt);
    }

    private async Task StreamAsync<T>(
        string method, Func<CancellationToken, AsyncServerStreamingCall<T>> open, Action<T> onMessage, Action<string> failed, CancellationToken cancellationToken)
    {
        var failures = 0;
        string? lastProblem = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            string problem;
            try
            {
                using var call = open(cancellationToken);
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (failures > 0)
                    {
                        WorkloadApiLog.Reconnected(logger, endpoint.Text, method);
                        failures = 0;
                        lastProblem = null;
                    }

                    onMessage(message);
                }

                problem = "the agent ended the stream";
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever goes wrong with the agent must not stop the gateway: it keeps its set and retries.
                problem = ex is RpcException rpc ? Describe(rpc) : $"{ex.GetType().Name}: {ex.Message}";
            }

            failures++;
            var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryInterval.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
            if (!string.Equals(problem, lastProblem, StringComparison.Ordinal))
            {
                WorkloadApiLog.Unavailable(logger, endpoint.Text, method, problem, delay.TotalSeconds);
            }
            else
            {
                WorkloadApiLog.StillUnavailable(logger, endpoint.Text, method, problem, delay.TotalSeconds);
            }

            lastProblem = problem;
            var described = $"the SPIFFE Workload API at {endpoint} cannot be used ({method}: {problem})";
            lock (_gate)
            {
                _problems[method] = described;
            }

            failed(described);
            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnMessage(X509SVIDResponse? x509, JWTBundlesResponse? jwt, Action<GatewayCredentials> accepted, Action<string> failed)
    {
        var method = x509 is not null ? X509Method : JwtMethod;
        lock (_gate)
        {
            var nextX509 = x509 ?? _x509;
            var nextJwt = jwt ?? _jwt;
            GatewayCredentials? built = null;
            try
            {
                if (nextX509 is not null)
                {
                    // Checked even while the JWT bundles are still awaited, so a bad X.509 message is blamed on itself.
                    built = WorkloadApiCredentials.Build(nextX509, jwtBundles ? nextJwt ?? new JWTBundlesResponse() : null, settings.Choice, Source, timeProvider.GetUtcNow());
                }
                else if (nextJwt is not null)
                {
                    WorkloadJwtBundles.Read(nextJwt, []);
                }
            }
            catch (InvalidDataException ex)
            {
                WorkloadApiLog.Discarded(logger, endpoint.Text, ex.Message);
                var described = $"a message from the SPIFFE Workload API at {endpoint} was discarded: {ex.Message}";
                _problems[method] = described;
                failed(described);
                return;
            }

            _x509 = nextX509;
            _jwt = nextJwt;
            _problems.Remove(method);
            if (built is not null && (!jwtBundles || nextJwt is not null))
            {
                accepted(built);
            }
        }
    }

    private static string Describe(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.PermissionDenied => $"PermissionDenied, the agent has no identity for this process yet (is its registration entry in place?): {ex.Status.Detail}",
        _ => $"{ex.StatusCode}: {ex.Status.Detail}",
    };
}
