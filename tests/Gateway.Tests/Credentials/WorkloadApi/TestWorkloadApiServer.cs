using Gateway.Credentials.WorkloadApi;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Credentials.WorkloadApi;

/// <summary>
/// A SPIFFE Workload API server of the tests' own, as a SPIRE agent behaves on the wire: gRPC over HTTP/2
/// on a Unix socket in a temp folder, the <c>workload.spiffe.io</c> header required (InvalidArgument
/// without it), <c>PermissionDenied</c> while it has no identity to give, and each stream sending the whole
/// current state at once and again on every change. It can be stopped and started again on the same socket.
/// </summary>
internal sealed class TestWorkloadApiServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("workload-api-").FullName;
    private readonly WorkloadApiState _state = new();
    private WebApplication? _app;

    private TestWorkloadApiServer()
    {
        SocketPath = Path.Combine(_directory, "agent.sock");
    }

    public string SocketPath { get; }

    /// <summary>The endpoint as SPIFFE_ENDPOINT_SOCKET would name it.</summary>
    public string Endpoint => "unix://" + SocketPath;

    /// <summary>Requests refused because the security header was missing.</summary>
    public int RefusedWithoutHeader => _state.RefusedWithoutHeader;

    /// <summary>FetchX509SVID calls that carried the header.</summary>
    public int X509Calls => _state.X509Calls;

    public static async Task<TestWorkloadApiServer> StartAsync(X509SVIDResponse? x509 = null)
    {
        var server = new TestWorkloadApiServer();
        if (x509 is not null)
        {
            server.SetX509(x509);
        }

        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Replaces the X.509 state; open streams get it at once.</summary>
    public void SetX509(X509SVIDResponse? response) => _state.Set(x509: response);

    /// <summary>Replaces the JWT bundles; open streams get them at once.</summary>
    public void SetJwtBundles(JWTBundlesResponse? response) => _state.Set(jwt: response);

    /// <summary>Answers every fetch with PermissionDenied, as an agent does before the workload is registered; null to stop.</summary>
    public void Deny(bool deny) => _state.Deny = deny;

    /// <summary>Listens on the socket (again); streams opened before a stop are gone.</summary>
    public async Task StartAgainAsync()
    {
        File.Delete(SocketPath);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenUnixSocket(SocketPath, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(_state);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapGrpcService<WorkloadApiService>();
        await app.StartAsync();
        _app = app;
    }

    /// <summary>The agent goes away: open streams end with Unavailable and the socket stops answering.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
