namespace Gateway.Credentials;

/// <summary>Registers the gateway's own credentials: the current set, its rotation, and the SVID expiry gauge.</summary>
internal static class CredentialsRegistration
{
    public static IServiceCollection AddCredentials(this IServiceCollection services, CredentialStore store) => services
        .AddSingleton(store)
        .AddSingleton<SvidExpiryGauge>()
        .AddHostedService<CredentialWatcher>();
}
