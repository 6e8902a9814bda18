using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Telemetry;

/// <summary>
/// OpenTelemetry export over OTLP: spans of the <see cref="GatewayTracing.SourceName"/> source and the
/// instruments of the <see cref="GatewayMetrics.MeterName"/> meter (the same ones <c>/metrics</c> shows).
/// The providers live as long as the host and flush when it stops.
/// </summary>
internal static class OtlpExport
{
    public static IServiceCollection AddOtlpExport(this IServiceCollection services, OtlpSettings settings)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName, serviceInstanceId: settings.InstanceId, autoGenerateServiceInstanceId: false))
            .WithTracing(tracing => tracing
                .AddSource(GatewayTracing.SourceName)
                .AddOtlpExporter(exporter =>
                {
                    Configure(exporter, settings, settings.TracesEndpoint);
                    if (settings.ExportInterval is { } interval)
                    {
                        exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)interval.TotalMilliseconds;
                    }
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(GatewayMetrics.MeterName)
                .AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, settings, settings.MetricsEndpoint);
                    if (settings.ExportInterval is { } interval)
                    {
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)interval.TotalMilliseconds;
                    }
                }));
        return services;
    }

    private static void Configure(OtlpExporterOptions exporter, OtlpSettings settings, Uri endpoint)
    {
        exporter.Protocol = settings.Protocol;
        exporter.Endpoint = endpoint;
    }
}
