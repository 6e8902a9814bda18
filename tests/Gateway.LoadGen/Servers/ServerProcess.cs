using System.Net;

namespace Gateway.LoadGen.Servers;

/// <summary>A server under test in its own process (the gateway or the no-op endpoint) and where it listens.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private ServerProcess(ChildProcess process, IPEndPoint endpoint, string workDirectory)
    {
        Process = process;
        Endpoint = endpoint;
        WorkDirectory = workDirectory;
    }

    public ChildProcess Process { get; }

    public IPEndPoint Endpoint { get; }

    public string WorkDirectory { get; }

    /// <summary>Peak RSS of the process so far, MiB.</summary>
    public double? PeakRssMb => Metrics.PeakRss.Megabytes(Process.Id);

    /// <summary><c>gateway run</c> on a free port with <paramref name="resourcesPath"/> and the benchmark's credentials.</summary>
    /// <param name="gatewayDll">Another build's gateway.dll to run instead of the one beside this program (before/after comparisons).</param>
    public static Task<ServerProcess> StartGatewayAsync(BenchPki pki, string resourcesPath, string workDirectory, IReadOnlyDictionary<string, string>? environment = null, string? gatewayDll = null) =>
        StartAsync(gatewayDll ?? "gateway.dll", ["run", "--listen", "https://127.0.0.1:0", "--resources-path", resourcesPath, .. pki.ServerArguments], "gateway listening on ", workDirectory, environment);

    /// <summary>This program's hidden <c>noop</c> mode: the gateway's Kestrel and TLS set-up answering 204 to everything.</summary>
    public static Task<ServerProcess> StartNoopAsync(BenchPki pki, string workDirectory) =>
        StartAsync(typeof(ServerProcess).Assembly.GetName().Name + ".dll", ["noop", "--listen", "https://127.0.0.1:0", .. pki.ServerArguments], Cli.NoopCommand.ListeningPrefix, workDirectory, null);

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();

    private static async Task<ServerProcess> StartAsync(string dll, IReadOnlyList<string> args, string readyPrefix, string workDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        Directory.CreateDirectory(workDirectory);
        var process = ChildProcess.StartDll(dll, args, workDirectory, environment);
        try
        {
            // "<prefix>https://127.0.0.1:PORT[ as spiffe://…]"
            var rest = await process.WaitForLineAsync(readyPrefix, StartTimeout);
            var uri = new Uri(rest.Split(' ')[0]);
            return new ServerProcess(process, new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port), workDirectory);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
