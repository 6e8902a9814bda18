using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Delivery;
using Gateway.Publishing;
using Gateway.Subscriptions;
using Gateway.Credentials.WorkloadApi;
using Gateway.Telemetry;

namespace Gateway.Hosting;

/// <summary>
/// The gateway's settings. Bound from the <c>Gateway</c> section of appsettings.json, then
/// environment variables (<c>Gateway__Listen</c>, ...), then command-line flags, later ones winning.
/// The keys stay flat under <c>Gateway</c> (they are what users write); each feature reads only the
/// settings contract it declares beside itself (<see cref="IDeliverySettings"/>, <see cref="ISubscriptionSettings"/>),
/// which this type implements and the host hands out, live where the setting reloads live.
/// </summary>
internal sealed class GatewayOptions : ICredentialSettings, IDeliverySettings, IPublishingSettings, ISubscriptionSettings
{
    public const string SectionName = "Gateway";

    /// <summary>Folder of resource YAML files. Default <c>./components</c>.</summary>
    public string ResourcesPath { get; set; } = "./components";

    /// <summary>Where to listen, <c>https://HOST:PORT</c> (port 0 picks a free one). Default <c>https://127.0.0.1:3500</c>.</summary>
    public string Listen { get; set; } = "https://127.0.0.1:3500";

    /// <summary>
    /// Where to serve Prometheus metrics (<c>GET /metrics</c>), <c>http://HOST:PORT</c>: a separate plain-HTTP
    /// port without client certificates that serves nothing else. Default none (no metrics port).
    /// </summary>
    public string? MetricsListen { get; set; }

    /// <summary>PEM file with the gateway's own X509-SVID, leaf first then intermediates.</summary>
    public string? SvidCert { get; set; }

    /// <summary>PEM file with the private key of <see cref="SvidCert"/> (PKCS#8).</summary>
    public string? SvidKey { get; set; }

    /// <summary>
    /// Trust bundles: trust domain → file with that domain's bundle, either PEM root certificates or a
    /// SPIFFE bundle (JWKS JSON, detected by a leading '{'), which can also carry JWT-SVID keys.
    /// </summary>
    public Dictionary<string, string> TrustBundles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How often the SVID and bundle files are checked for changes (rotation without restart). Default 5 s.
    /// A change is used once the files have stayed the same for one more check.
    /// </summary>
    public TimeSpan CredentialPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The SPIFFE Workload API as the credential source instead of files (<c>--spiffe-endpoint</c>); off
    /// unless an endpoint is configured or <c>SPIFFE_ENDPOINT_SOCKET</c> is set without SVID files.
    /// </summary>
    public WorkloadApiOptions WorkloadApi { get; set; } = new();

    /// <summary>
    /// How often the resources folder is checked for changes (live reload). Default 5 s. A valid change is
    /// applied without a restart; an invalid one is logged and the last good set stays in use.
    /// </summary>
    public TimeSpan ResourcesPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// SPIFFE ID shape per trust domain: <c>dapr</c> (<c>/ns/&lt;ns&gt;/&lt;app-id&gt;</c>, the default) or
    /// <c>k8s-sa</c> (<c>/ns/&lt;ns&gt;/sa/&lt;service-account&gt;</c>, the service account being the app ID).
    /// </summary>
    public Dictionary<string, string> IdShapes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>JWT-SVID bearer tokens for callers without a client certificate; off by default.</summary>
    public JwtSvidOptions JwtSvid { get; set; } = new();

    /// <summary>
    /// Development mode: create a CA and the gateway's SVID under <see cref="DevDirectory"/> when missing
    /// and use them. Never for production.
    /// </summary>
    public bool Dev { get; set; }

    /// <summary>Where development credentials live. Default <c>.gateway/dev</c>.</summary>
    public string DevDirectory { get; set; } = ".gateway/dev";

    /// <summary>Trust domain of development credentials. Default <c>public</c>, Dapr's default.</summary>
    public string DevTrustDomain { get; set; } = "public";

    /// <summary>Largest accepted request body. Default 4 MiB (Dapr's <c>--max-body-size</c>).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most entries one bulk publish request may carry. Default 100,000; a request with more is answered 413
    /// and nothing of it is published. Together with <see cref="MaxRequestBodyBytes"/> it bounds the memory one
    /// request can make the gateway hold.
    /// </summary>
    public int MaxBulkPublishEntries { get; set; } = 100_000;

    /// <summary>
    /// Largest resource file read from <see cref="ResourcesPath"/>. Default 4 MiB; a larger file is an error
    /// for that file (at start, and on live reload the last good set stays).
    /// </summary>
    public long MaxResourceFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// This replica's name, the value of Dapr's <c>{podName}</c> marker in component metadata. Default: the
    /// <c>POD_NAME</c> environment variable, else the host name. Restart-only.
    /// </summary>
    public string? PodName { get; set; }

    /// <summary>How long one delivery attempt to an app may take. Default 30 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Folder for state the gateway keeps itself (runtime subscriptions). Default <c>.gateway/state</c>.</summary>
    public string StateDirectory { get; set; } = ".gateway/state";

    /// <summary>
    /// How often every replica reads the runtime subscription stores (the pubsub brokers' records and the
    /// local file) and starts or stops what other replicas declared or deleted. Default 5 s.
    /// </summary>
    public TimeSpan RuntimeSubscriptionSyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often every app is asked for <c>GET /dapr/subscribe</c>. Default 30 s.</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>OpenTelemetry export over OTLP (traces and metrics); off unless an endpoint is configured.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Console log format: <c>text</c> (one line per event, the default) or <c>json</c> (one JSON object per line).</summary>
    public string LogFormat { get; set; } = "text";

    /// <inheritdoc/>
    TimeSpan ISubscriptionSettings.ConsumerLagInterval => Telemetry.ConsumerLagInterval;

    /// <inheritdoc/>
    bool ICredentialSettings.FetchJwtBundles => JwtSvid.Enabled;

    /// <summary>A shallow copy, for live reload to change settings on without touching the ones in use.</summary>
    internal GatewayOptions Copy() => (GatewayOptions)MemberwiseClone();

    /// <summary>How long shutdown waits for deliveries in flight before abandoning them (they are redelivered). Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
