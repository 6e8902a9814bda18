using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gateway.LoadGen.Servers;

/// <summary>
/// The HTTP+TLS ceiling: the gateway's web host built the way <c>gateway run</c> builds it (the same
/// builder, console logging, Kestrel limits and <see cref="TlsEndpoint"/>, so the same handshake with
/// X509-SVID validation of the client), whose only handler reads the body and answers 204.
/// </summary>
internal static class NoopEndpoint
{
    public static async Task<int> RunAsync(GatewayOptions options, Action<string> listening, CancellationToken cancellationToken)
    {
        if (!ListenAddress.TryParse(options.Listen, out var listen, out var listenError))
        {
            Console.Error.WriteLine($"error: {listenError}");
            return 1;
        }

        GatewayCredentials credentials;
        try
        {
            credentials = GatewayCredentials.Load(options);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        // The same default as `gateway run`: no log line per request.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(listen.Address, listen.Port, endpoint => TlsEndpoint.Configure(endpoint, () => credentials, TimeProvider.System));
        });
        await using var app = builder.Build();
        app.Run(async context =>
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
                {
                    // The gateway reads every body before answering; so does the baseline.
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            listening(address);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
