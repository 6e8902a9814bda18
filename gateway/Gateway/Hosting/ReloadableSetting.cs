using System.Text.Json;

namespace Gateway.Hosting;

/// <summary>
/// One setting of <see cref="GatewayOptions"/> as live reload sees it: its name, how to compare two values,
/// and, for settings that can change while running, how to take the new value over.
/// </summary>
internal sealed record ReloadableSetting(string Name, Func<GatewayOptions, object?> Read, Action<GatewayOptions, GatewayOptions>? Apply)
{
    /// <summary>Settings whose new value applies to new requests and deliveries without a restart.</summary>
    public static readonly IReadOnlyList<ReloadableSetting> Live =
    [
        new(nameof(GatewayOptions.MaxRequestBodyBytes), o => o.MaxRequestBodyBytes, (to, from) => to.MaxRequestBodyBytes = from.MaxRequestBodyBytes),
        new(nameof(GatewayOptions.DeliveryTimeout), o => o.DeliveryTimeout, (to, from) => to.DeliveryTimeout = from.DeliveryTimeout),
        new(nameof(GatewayOptions.DiscoveryInterval), o => o.DiscoveryInterval, (to, from) => to.DiscoveryInterval = from.DiscoveryInterval),
        new(nameof(GatewayOptions.MaxBulkPublishEntries), o => o.MaxBulkPublishEntries, (to, from) => to.MaxBulkPublishEntries = from.MaxBulkPublishEntries),
        new(nameof(GatewayOptions.MaxResourceFileBytes), o => o.MaxResourceFileBytes, (to, from) => to.MaxResourceFileBytes = from.MaxResourceFileBytes),
    ];

    /// <summary>Settings fixed at start: a change is reported and waits for a restart.</summary>
    public static readonly IReadOnlyList<ReloadableSetting> RestartOnly =
    [
        new(nameof(GatewayOptions.ResourcesPath), o => o.ResourcesPath, null),
        new(nameof(GatewayOptions.Listen), o => o.Listen, null),
        new(nameof(GatewayOptions.MetricsListen), o => o.MetricsListen, null),
        new(nameof(GatewayOptions.SvidCert), o => o.SvidCert, null),
        new(nameof(GatewayOptions.SvidKey), o => o.SvidKey, null),
        new(nameof(GatewayOptions.TrustBundles), o => o.TrustBundles, null),
        new(nameof(GatewayOptions.CredentialPollInterval), o => o.CredentialPollInterval, null),
        new(nameof(GatewayOptions.WorkloadApi), o => o.WorkloadApi, null),
        new(nameof(GatewayOptions.ResourcesPollInterval), o => o.ResourcesPollInterval, null),
        new(nameof(GatewayOptions.PodName), o => o.PodName, null),
        new(nameof(GatewayOptions.IdShapes), o => o.IdShapes, null),
        new(nameof(GatewayOptions.JwtSvid), o => o.JwtSvid, null),
        new(nameof(GatewayOptions.Dev), o => o.Dev, null),
        new(nameof(GatewayOptions.DevDirectory), o => o.DevDirectory, null),
        new(nameof(GatewayOptions.DevTrustDomain), o => o.DevTrustDomain, null),
        new(nameof(GatewayOptions.StateDirectory), o => o.StateDirectory, null),
        new(nameof(GatewayOptions.RuntimeSubscriptionSyncInterval), o => o.RuntimeSubscriptionSyncInterval, null),
        new(nameof(GatewayOptions.ShutdownTimeout), o => o.ShutdownTimeout, null),
        new(nameof(GatewayOptions.Telemetry), o => o.Telemetry, null),
        new(nameof(GatewayOptions.LogFormat), o => o.LogFormat, null),
    ];

    /// <summary>True when the setting differs between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public bool Changed(GatewayOptions before, GatewayOptions after) =>
        !string.Equals(Text(before), Text(after), StringComparison.Ordinal);

    /// <summary>The value as JSON, so collections and nested settings compare by content.</summary>
    public string Text(GatewayOptions options) => JsonSerializer.Serialize(Read(options));
}
