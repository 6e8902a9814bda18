using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Delivery;
using Gateway.Drivers;
using Gateway.Identity;
using Gateway.Metadata;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Resiliency;
using Gateway.Resources;
using Gateway.Subscriptions;
using Gateway.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Builds the gateway's web application from loaded settings, credentials and resources.</summary>
internal static class GatewayApp
{
    public static WebApplication Build(
        WebApplicationBuilder builder,
        GatewayOptions options,
        GatewayCredentials credentials,
        ResourceSet resources,
        IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories)
    {
        if (!ListenAddress.TryParse(options.Listen, out var listen, out var listenError))
        {
            throw new InvalidOperationException(listenError);
        }

        ListenAddress? metricsListen = null;
        if (options.MetricsListen is { Length: > 0 } metricsValue
            && !MetricsListenAddress.TryParse(metricsValue, out metricsListen, out var metricsError))
        {
            throw new InvalidOperationException(metricsError);
        }

        var jwtProblems = options.JwtSvid.Problems();
        if (jwtProblems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", jwtProblems));
        }

        if (!OtlpSettings.TryResolve(options.Telemetry, builder.Configuration, out var otlp, out var otlpError))
        {
            throw new InvalidOperationException(otlpError);
        }

        var idShapes = IdShapes.FromConfiguration(options.IdShapes);
        var store = new CredentialStore(credentials);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(listen.Address, listen.Port, endpoint => TlsEndpoint.Configure(endpoint, () => store.Current, TimeProvider.System));
            if (metricsListen is not null)
            {
                kestrel.Listen(metricsListen.Address, metricsListen.Port, MetricsEndpoint.Configure);
            }
        });

        var services = builder.Services;
        services.AddMetrics();
        var watchedFiles = LiveGatewayOptions.WatchedFiles(builder.Configuration);
        services.AddSingleton(provider => new LiveGatewayOptions(options, builder.Configuration, watchedFiles, provider.GetRequiredService<ILogger<LiveGatewayOptions>>()));
        services.AddSingleton<IOptions<GatewayOptions>>(provider => provider.GetRequiredService<LiveGatewayOptions>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        services.AddSingleton(resources);
        services.AddSingleton(idShapes);
        services.AddSingleton<JwtSvidAuthenticator>();
        services.AddGatewayCredentials(options);
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton(new GatewayTracing(enabled: otlp is not null));
        if (metricsListen is not null || otlp is not null)
        {
            // Brokers are asked for lag only when someone can read it.
            services.AddHostedService<ConsumerLagSampler>();
        }

        if (otlp is not null)
        {
            services.AddOtlpExport(otlp);
        }

        if (metricsListen is not null)
        {
            services.AddSingleton<GatewayMeterCollector>();
            services.AddSingleton<MetricsEndpoint>();
        }
        services.AddSingleton(provider => ComponentRegistry.Create(
            resources, driverFactories, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ResiliencyPolicies(resources, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TopicPublisher>();
        services.AddSingleton<PublishEndpoint>();
        services.AddSingleton<BulkPublishEndpoint>();
        services.AddSingleton<MetadataEndpoint>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<DaprApiRouter>();
        services.AddHostedService<InsecureAppWarnings>();
        services.AddSingleton<SubscriptionCatalog>();
        services.AddSingleton(new FileSubscriptionStore(Path.Combine(options.StateDirectory, "subscriptions.json")));
        services.AddSingleton<RuntimeSubscriptionStore>();
        services.AddSingleton<RuntimeSubscriptionSync>();
        services.AddHostedService(provider => provider.GetRequiredService<RuntimeSubscriptionSync>());
        services.AddSingleton<RuntimeSubscriptionEndpoint>();
        services.AddSingleton<AppChannels>();
        services.AddSingleton<SubscriptionManager>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriptionManager>());
        services.AddSingleton<ResourceReloader>();
        services.AddHostedService(provider => new ResourceWatcher(
            provider.GetRequiredService<ResourceReloader>(), driverFactories, provider.GetRequiredService<IOptions<GatewayOptions>>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ResourceWatcher>>()));
        services.AddSingleton<SubscriptionDiscovery>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriptionDiscovery>());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout + TimeSpan.FromSeconds(5));

        var app = builder.Build();
        app.Services.GetRequiredService<SvidExpiryGauge>();
        if (metricsListen is not null)
        {
            // The metrics port answers before authentication and never reaches the Dapr API.
            var metricsEndpoint = app.Services.GetRequiredService<MetricsEndpoint>();
            app.Use((context, next) => MetricsEndpoint.IsMetricsConnection(context) ? metricsEndpoint.HandleAsync(context) : next(context));
        }

        // The body limit in force now, not Kestrel's start-up one: MaxRequestBodyBytes reloads live.
        var live = app.Services.GetRequiredService<LiveGatewayOptions>();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = live.Value.MaxRequestBodyBytes;
            }

            return next(context);
        });
        app.UseMiddleware<CallerAuthenticationMiddleware>();
        var router = app.Services.GetRequiredService<DaprApiRouter>();
        app.Run(router.HandleAsync);
        return app;
    }
}
