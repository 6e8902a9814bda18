using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Delivery;
using Gateway.Drivers;
using Gateway.GrpcApi;
using Gateway.Identity;
using Gateway.Metadata;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Resiliency;
using Gateway.Resources;
using Gateway.Resources.Markers;
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

        DurationSettingConverter.Install();
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
        var watchedFiles = LiveGatewayOptions.WatchedFiles(builder.Configuration);
        services.AddSingleton(provider => new LiveGatewayOptions(options, builder.Configuration, watchedFiles, provider.GetRequiredService<ILogger<LiveGatewayOptions>>()));
        services.AddSingleton<IOptions<GatewayOptions>>(provider => provider.GetRequiredService<LiveGatewayOptions>());
        services.AddSingleton<IOptions<IDeliverySettings>, LiveSettings<IDeliverySettings>>();
        services.AddSingleton<IOptions<ISubscriptionSettings>, LiveSettings<ISubscriptionSettings>>();
        services.AddSingleton<IOptions<ICredentialSettings>, LiveSettings<ICredentialSettings>>();
        services.AddSingleton<IOptions<IPublishingSettings>, LiveSettings<IPublishingSettings>>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(resources);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout + TimeSpan.FromSeconds(5));

        services.AddTelemetry(otlp, prometheus: metricsListen is not null)
            .AddCredentials(store, options)
            .AddCallerAuthentication(idShapes, options.JwtSvid)
            .AddPubsub(resources, driverFactories, ReplicaName.Current(options.PodName))
            .AddResiliency(resources)
            .AddPublishing()
            .AddDelivery()
            .AddSubscriptions(options.StateDirectory, sampleConsumerLag: metricsListen is not null || otlp is not null)
            .AddMetadataApi()
            .AddDaprGrpc(options.MaxRequestBodyBytes);

        services.AddSingleton<DaprApiRouter>();
        services.AddHostedService<InsecureAppWarnings>();
        services.AddSingleton<ResourceReloader>();
        services.AddHostedService(provider => new ResourceWatcher(
            provider.GetRequiredService<ResourceReloader>(), driverFactories, provider.GetRequiredService<ResourceSet>(), provider.GetRequiredService<IOptions<GatewayOptions>>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ResourceWatcher>>()));

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
        // gRPC calls (HTTP/2, application/grpc) are matched and authenticated here; every other request goes on to the router.
        app.UseDaprGrpc();
        var router = app.Services.GetRequiredService<DaprApiRouter>();
        app.Run(router.HandleAsync);
        return app;
    }
}
