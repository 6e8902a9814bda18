namespace Gateway.Credentials;

/// <summary>
/// Registers the gateway's own credentials: the current set, the SVID expiry gauge, and the watcher of the
/// configured source: <see cref="WorkloadApi.WorkloadApiWatcher"/> when the Workload API is the source,
/// else <see cref="CredentialWatcher"/> (files).
/// </summary>
internal static class CredentialsRegistration
{
    public static IServiceCollection AddCredentials(this IServiceCollection services, CredentialStore store, ICredentialSettings settings)
    {
        services.AddSingleton(store);
        services.AddSingleton<SvidExpiryGauge>();
        if (settings.WorkloadApi.IsEnabled)
        {
            services.AddHostedService<WorkloadApi.WorkloadApiWatcher>();
        }
        else
        {
            services.AddHostedService<CredentialWatcher>();
        }

        return services;
    }
}
