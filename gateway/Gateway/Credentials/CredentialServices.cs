using Gateway.Credentials.WorkloadApi;
using Gateway.Hosting;

namespace Gateway.Credentials;

/// <summary>Registers what keeps the gateway's credentials fresh while it serves.</summary>
internal static class CredentialServices
{
    /// <summary>
    /// The SVID expiry gauge, and the watcher of the configured source: <see cref="WorkloadApiWatcher"/> when
    /// <see cref="WorkloadApiOptions.Endpoint"/> is set, else <see cref="CredentialWatcher"/> (files). The
    /// <see cref="CredentialStore"/> itself is registered by the caller, which serves from it.
    /// </summary>
    public static IServiceCollection AddGatewayCredentials(this IServiceCollection services, GatewayOptions options)
    {
        services.AddSingleton<SvidExpiryGauge>();
        if (options.WorkloadApi.IsEnabled)
        {
            services.AddHostedService<WorkloadApiWatcher>();
        }
        else
        {
            services.AddHostedService<CredentialWatcher>();
        }

        return services;
    }
}
