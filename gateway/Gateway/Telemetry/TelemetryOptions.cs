namespace Gateway.Telemetry;

/// <summary>
/// Telemetry settings (section <c>Gateway:Telemetry</c>). OpenTelemetry export is off unless an OTLP
/// endpoint is given here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable.
/// </summary>
internal sealed class TelemetryOptions
{
    /// <summary>
    /// Base URL of the OTLP receiver, e.g. <c>http://collector:4318</c>. With <c>http/protobuf</c> the signal
    /// paths <c>/v1/traces</c> and <c>/v1/metrics</c> are appended. Default: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
    /// else none (no export).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// <c>http/protobuf</c> (the default) or <c>grpc</c>. Default: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else
    /// <c>http/protobuf</c>.
    /// </summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>The <c>service.name</c> resource attribute. Default: <c>OTEL_SERVICE_NAME</c>, else <c>gateway</c>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The <c>service.instance.id</c> resource attribute. Default: a new UUID per process.</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How often spans and metrics are sent. Default: OpenTelemetry's own (spans every 5 s, metrics every
    /// 60 s, or <c>OTEL_BSP_SCHEDULE_DELAY</c> / <c>OTEL_METRIC_EXPORT_INTERVAL</c>).
    /// </summary>
    public TimeSpan? ExportInterval { get; set; }

    /// <summary>How often brokers are asked for consumer lag (the <c>gateway.consumer.lag</c> gauge). Default 15 s.</summary>
    public TimeSpan ConsumerLagInterval { get; set; } = TimeSpan.FromSeconds(15);
}
