using Gateway.Credentials.WorkloadApi;

namespace Gateway.Credentials;

/// <summary>
/// Picks the gateway's credential source and gets its first set before anything listens: files (SVID,
/// key and bundle files, re-read when they change) or the SPIFFE Workload API (a SPIRE agent's socket,
/// which pushes every rotation and bundle change).
/// </summary>
internal static class GatewayCredentialSource
{
    /// <summary>
    /// Settles the source in <paramref name="options"/> (the Workload API when its endpoint is set, or when
    /// <c>SPIFFE_ENDPOINT_SOCKET</c> is set and no SVID files and no development mode are configured) and
    /// returns the first set: read from files at once, or awaited from the Workload API. Throws
    /// <see cref="InvalidOperationException"/> for a configuration that cannot work.
    /// </summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public static async Task<GatewayCredentials> LoadAsync(
        ICredentialSettings options, Func<string, string?> environment, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        var endpoint = Resolve(options, environment);
        return endpoint is null
            ? GatewayCredentials.Load(options)
            : await WorkloadApiStartup.WaitForFirstAsync(endpoint, options.WorkloadApi, options.FetchJwtBundles, timeProvider, logger, cancellationToken);
    }

    /// <summary>The Workload API endpoint to use, or null for files; sets <see cref="WorkloadApiOptions.Endpoint"/> when taken from the environment.</summary>
    internal static WorkloadApiEndpoint? Resolve(ICredentialSettings options, Func<string, string?> environment)
    {
        var settings = options.WorkloadApi;
        var hasFiles = !string.IsNullOrEmpty(options.SvidCert) || !string.IsNullOrEmpty(options.SvidKey);
        if (!settings.IsEnabled && !hasFiles && !options.Dev && environment(WorkloadApiOptions.EndpointVariable) is { Length: > 0 } fromEnvironment)
        {
            settings.Endpoint = fromEnvironment;
        }

        if (!settings.IsEnabled)
        {
            return string.IsNullOrEmpty(settings.SpiffeId) && string.IsNullOrEmpty(settings.Hint)
                ? null
                : throw new InvalidOperationException("--spiffe-id and --spiffe-hint choose among the SVIDs of a SPIFFE Workload API; they need --spiffe-endpoint (or SPIFFE_ENDPOINT_SOCKET without SVID files)");
        }

        var conflicts = new List<string>();
        if (hasFiles)
        {
            conflicts.Add("SVID files (--svid-cert/--svid-key)");
        }

        if (options.TrustBundles.Count > 0)
        {
            conflicts.Add("trust bundle files (--trust-bundle; federate through SPIRE instead: its federated bundles reach the gateway on the stream)");
        }

        if (options.Dev)
        {
            conflicts.Add("--dev");
        }

        if (conflicts.Count > 0)
        {
            throw new InvalidOperationException(
                $"the gateway takes its credentials from the SPIFFE Workload API at '{settings.Endpoint}' (--spiffe-endpoint or {WorkloadApiOptions.EndpointVariable}), so it cannot also use {string.Join(", ", conflicts)}");
        }

        return WorkloadApiEndpoint.TryParse(settings.Endpoint!, out var endpoint, out var error)
            ? endpoint
            : throw new InvalidOperationException(error);
    }
}
