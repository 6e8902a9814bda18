using OpenTelemetry.Exporter;

namespace Gateway.Telemetry;

/// <summary>
/// OpenTelemetry export as resolved at start-up: the settings first, then the standard <c>OTEL_*</c>
/// environment variables (read through configuration), then the defaults.
/// </summary>
internal sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol, string ServiceName, string InstanceId, TimeSpan? ExportInterval)
{
    public const string DefaultServiceName = "gateway";

    /// <summary>Where spans go: the base URL plus <c>/v1/traces</c> for http/protobuf, the base URL for grpc.</summary>
    public Uri TracesEndpoint => Signal("v1/traces");

    /// <summary>Where metrics go: the base URL plus <c>/v1/metrics</c> for http/protobuf, the base URL for grpc.</summary>
    public Uri MetricsEndpoint => Signal("v1/metrics");

    /// <summary>
    /// The export settings, or null when no endpoint is configured (export is off). False with an error
    /// naming the setting when a value is unusable.
    /// </summary>
    public static bool TryResolve(TelemetryOptions options, IConfiguration configuration, out OtlpSettings? settings, out string error)
    {
        settings = null;
        error = "";
        var endpointText = FirstGiven(options.OtlpEndpoint, configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpointText is null)
        {
            return true;
        }

        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            error = $"the OTLP endpoint '{endpointText}' (Gateway:Telemetry:OtlpEndpoint, --otlp-endpoint or OTEL_EXPORTER_OTLP_ENDPOINT) is not an http:// or https:// URL; give the collector's base URL, e.g. http://collector:4318";
            return false;
        }

        var protocolText = FirstGiven(options.OtlpProtocol, configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "http/protobuf";
        OtlpExportProtocol protocol;
        switch (protocolText)
        {
            case "http/protobuf":
                protocol = OtlpExportProtocol.HttpProtobuf;
                break;
            case "grpc":
                protocol = OtlpExportProtocol.Grpc;
                break;
            default:
                error = $"the OTLP protocol '{protocolText}' (Gateway:Telemetry:OtlpProtocol, --otlp-protocol or OTEL_EXPORTER_OTLP_PROTOCOL) is not known; use http/protobuf or grpc";
                return false;
        }

        if (options.ExportInterval is { } interval && interval <= TimeSpan.Zero)
        {
            error = $"Gateway:Telemetry:ExportInterval must be positive, not '{interval}'";
            return false;
        }

        var serviceName = FirstGiven(options.ServiceName, configuration["OTEL_SERVICE_NAME"]) ?? DefaultServiceName;
        var instanceId = FirstGiven(options.InstanceId) ?? Guid.NewGuid().ToString();
        settings = new OtlpSettings(endpoint, protocol, serviceName, instanceId, options.ExportInterval);
        return true;
    }

    private Uri Signal(string path) =>
        Protocol == OtlpExportProtocol.Grpc ? Endpoint : new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + path);

    private static string? FirstGiven(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();
}
