using System.CommandLine;
using Gateway.Credentials;
using Gateway.Credentials.WorkloadApi;
using Gateway.Hosting;
using Gateway.Pubsub;
using Gateway.Resources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;

namespace Gateway.Cli;

/// <summary><c>gateway run</c>: load and check everything, then serve until stopped.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var resourcesPath = new Option<string?>("--resources-path") { Description = "Folder of resource YAML files (default ./components)." };
        var listen = new Option<string?>("--listen") { Description = "https://HOST:PORT to listen on (default https://127.0.0.1:3500)." };
        var svidCert = new Option<string?>("--svid-cert") { Description = "PEM file with the gateway's X509-SVID (leaf, then intermediates)." };
        var svidKey = new Option<string?>("--svid-key") { Description = "PEM file with the SVID's PKCS#8 private key." };
        var trustBundles = new Option<string[]>("--trust-bundle") { Description = "<trust-domain>=<file>, PEM roots or a SPIFFE bundle (JWKS JSON); repeatable.", AllowMultipleArgumentsPerToken = false };
        var idShapes = new Option<string[]>("--id-shape") { Description = "<trust-domain>=dapr|k8s-sa: how that domain's SPIFFE IDs name apps; repeatable.", AllowMultipleArgumentsPerToken = false };
        var jwtSvid = new Option<bool>("--jwt-svid") { Description = "Also accept 'Authorization: Bearer <JWT-SVID>' from callers without a valid client certificate." };
        var jwtAudiences = new Option<string[]>("--jwt-svid-audience") { Description = "An audience JWT-SVIDs must name (required with --jwt-svid); repeatable.", AllowMultipleArgumentsPerToken = false };
        var spiffeEndpoint = new Option<string?>("--spiffe-endpoint") { Description = "SPIFFE Workload API (SPIRE agent) to take the SVID and bundles from: unix:///path or tcp://IP:PORT (default: SPIFFE_ENDPOINT_SOCKET when set and no SVID files are given)." };
        var spiffeId = new Option<string?>("--spiffe-id") { Description = "With --spiffe-endpoint: use the SVID with this SPIFFE ID when the agent hands out several (default: the first)." };
        var spiffeHint = new Option<string?>("--spiffe-hint") { Description = "With --spiffe-endpoint: use the SVID with this hint when the agent hands out several." };
        var pollInterval = new Option<string?>("--credential-poll-interval") { Description = "How often SVID and bundle files are checked for rotation, e.g. 5s or 1m (default 5s)." };
        var metricsListen = new Option<string?>("--metrics-listen") { Description = "http://HOST:PORT to serve Prometheus metrics on (GET /metrics; default: no metrics port)." };
        var otlpEndpoint = new Option<string?>("--otlp-endpoint") { Description = "Base URL of an OTLP receiver, e.g. http://collector:4318: export traces and metrics (default: OTEL_EXPORTER_OTLP_ENDPOINT, else off)." };
        var otlpProtocol = new Option<string?>("--otlp-protocol") { Description = "http/protobuf (default) or grpc." };
        var logFormat = new Option<string?>("--log-format") { Description = "Console log format: text (default) or json (one JSON object per line)." };
        var dev = new Option<bool>("--dev") { Description = "Create and use development identities under .gateway/dev." };
        var command = new Command("run", "Run the gateway (the default command).")
        {
            resourcesPath, listen, svidCert, svidKey, trustBundles, spiffeEndpoint, spiffeId, spiffeHint, idShapes, jwtSvid, jwtAudiences, pollInterval, metricsListen, otlpEndpoint, otlpProtocol, logFormat, dev,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            Set(overrides, nameof(GatewayOptions.ResourcesPath), parseResult.GetValue(resourcesPath));
            Set(overrides, nameof(GatewayOptions.Listen), parseResult.GetValue(listen));
            Set(overrides, nameof(GatewayOptions.SvidCert), parseResult.GetValue(svidCert));
            Set(overrides, nameof(GatewayOptions.SvidKey), parseResult.GetValue(svidKey));
            Set(overrides, $"{nameof(GatewayOptions.WorkloadApi)}:{nameof(WorkloadApiOptions.Endpoint)}", parseResult.GetValue(spiffeEndpoint));
            Set(overrides, $"{nameof(GatewayOptions.WorkloadApi)}:{nameof(WorkloadApiOptions.SpiffeId)}", parseResult.GetValue(spiffeId));
            Set(overrides, $"{nameof(GatewayOptions.WorkloadApi)}:{nameof(WorkloadApiOptions.Hint)}", parseResult.GetValue(spiffeHint));
            Set(overrides, nameof(GatewayOptions.CredentialPollInterval), parseResult.GetValue(pollInterval));
            Set(overrides, nameof(GatewayOptions.MetricsListen), parseResult.GetValue(metricsListen));
            Set(overrides, $"{nameof(GatewayOptions.Telemetry)}:{nameof(Telemetry.TelemetryOptions.OtlpEndpoint)}", parseResult.GetValue(otlpEndpoint));
            Set(overrides, $"{nameof(GatewayOptions.Telemetry)}:{nameof(Telemetry.TelemetryOptions.OtlpProtocol)}", parseResult.GetValue(otlpProtocol));
            Set(overrides, nameof(GatewayOptions.LogFormat), parseResult.GetValue(logFormat));
            if (parseResult.GetValue(dev))
            {
                Set(overrides, nameof(GatewayOptions.Dev), "true");
            }

            if (parseResult.GetValue(jwtSvid))
            {
                Set(overrides, $"{nameof(GatewayOptions.JwtSvid)}:Enabled", "true");
            }

            var audienceIndex = 0;
            foreach (var audience in parseResult.GetValue(jwtAudiences) ?? [])
            {
                Set(overrides, $"{nameof(GatewayOptions.JwtSvid)}:Audiences:{audienceIndex++}", audience);
            }

            foreach (var shape in parseResult.GetValue(idShapes) ?? [])
            {
                var separator = shape.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0 || separator == shape.Length - 1)
                {
                    Console.Error.WriteLine($"error: --id-shape '{shape}' is not of the form <trust-domain>=dapr|k8s-sa");
                    return Task.FromResult(1);
                }

                Set(overrides, $"{nameof(GatewayOptions.IdShapes)}:{shape[..separator]}", shape[(separator + 1)..]);
            }

            foreach (var bundle in parseResult.GetValue(trustBundles) ?? [])
            {
                var equals = bundle.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || equals == bundle.Length - 1)
                {
                    Console.Error.WriteLine($"error: --trust-bundle '{bundle}' is not of the form <trust-domain>=<pem-file>");
                    return Task.FromResult(1);
                }

                Set(overrides, $"{nameof(GatewayOptions.TrustBundles)}:{bundle[..equals]}", bundle[(equals + 1)..]);
            }

            return RunAsync(overrides, cancellationToken);
        });
        return command;
    }

    private static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[$"{GatewayOptions.SectionName}:{key}"] = value;
        }
    }

    internal static async Task<int> RunAsync(Dictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        // ASP.NET Core logs two lines per request at Information; a pub/sub gateway must not pay that on
        // every publish (measured in docs/benchmarks.md). Inserted first, so appsettings.json, the
        // environment (Logging__LogLevel__Microsoft.AspNetCore) and flags can still lower it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Microsoft.AspNetCore", nameof(LogLevel.Warning))],
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        GatewayOptions options;
        try
        {
            options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        }
        catch (InvalidOperationException ex)
        {
            // "Failed to convert configuration value 'x' at 'Gateway:...' to type ..." and the converter's reason.
            Console.Error.WriteLine($"error: {ex.Message.TrimEnd('.')}: {ex.InnerException?.Message}");
            return 1;
        }

        // Every argument is checked before anything is written or started: no development CA, no
        // listener, for a run that cannot start.
        if ((ConsoleLogFormat.Check(options.LogFormat) ?? ListenCheck.Problem(options)) is { } startError)
        {
            Console.Error.WriteLine($"error: {startError}");
            return 1;
        }

        var loaded = ResourceLoader.Load(options.ResourcesPath, DriverCatalog.Default, options.MaxResourceFileBytes);
        foreach (var warning in loaded.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        if (loaded.Errors.Count > 0)
        {
            foreach (var error in loaded.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"error: {loaded.Errors.Count} problem(s) in the resources under {Path.GetFullPath(options.ResourcesPath)}; nothing was started");
            return 1;
        }

        var json = ConsoleLogFormat.IsJson(options.LogFormat);
        ConsoleLogFormat.Configure(builder.Logging, options.LogFormat);

        GatewayCredentials credentials;
        try
        {
            if (options.Dev)
            {
                // Standard output carries only JSON objects in JSON mode; this note goes to standard error there.
                (json ? Console.Error : Console.Out).WriteLine(DevCredentials.Ensure(options));
            }

            // The app's logging exists only once it is built; the wait for a Workload API logs like it already.
            using var startupLogging = LoggerFactory.Create(logging =>
            {
                logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
                ConsoleLogFormat.Configure(logging, options.LogFormat);
            });
            credentials = await GatewayCredentialSource.LoadAsync(
                options, Environment.GetEnvironmentVariable, TimeProvider.System, startupLogging.CreateLogger("Gateway.Credentials.Startup"), cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("error: stopped before the gateway had its first credentials");
            return 1;
        }

        WebApplication built;
        try
        {
            built = GatewayApp.Build(builder, options, credentials, loaded.Resources!, DriverCatalog.Default);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        await using var app = built;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken between the check and the start.
            Console.Error.WriteLine($"error: {ex.Message}; choose another address with --listen https://HOST:PORT");
            return 1;
        }

        var startupLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Hosting.Startup");
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var metrics = address.StartsWith("http://", StringComparison.Ordinal);
            if (json && metrics)
            {
                StartupLog.Metrics(startupLogger, $"{address}{Telemetry.MetricsEndpoint.Path}");
            }
            else if (json)
            {
                StartupLog.Listening(startupLogger, address, credentials.Id.ToString());
            }
            else
            {
                Console.Out.WriteLine(metrics ? $"gateway metrics on {address}{Telemetry.MetricsEndpoint.Path}" : $"gateway listening on {address} as {credentials.Id}");
            }
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
