namespace Gateway.Telemetry;

/// <summary>Registers the gateway's instruments and spans, the OTLP export when configured, and the Prometheus endpoint when there is a metrics port.</summary>
internal static class TelemetryRegistration
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, OtlpSettings? otlp, bool prometheus)
    {
        services.AddMetrics();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton(new GatewayTracing(enabled: otlp is not null));
        if (otlp is not null)
        {
            services.AddOtlpExport(otlp);
        }

        if (prometheus)
        {
            services.AddSingleton<GatewayMeterCollector>();
            services.AddSingleton<MetricsEndpoint>();
        }

        return services;
    }
}
