using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Drivers.Tests.Redis.Topologies;

/// <summary>
/// One <c>redis-server</c> or <c>redis-sentinel</c> process of a test topology, on a loopback port chosen by
/// the OS, with its own directory. It can be killed (SIGKILL), paused (SIGSTOP) and resumed, and asked
/// things through <c>redis-cli</c>.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _program;
    private readonly IReadOnlyList<string> _arguments;
    private Process? _process;

    private RedisProcess(string program, int port, string directory, IReadOnlyList<string> arguments)
    {
        _program = program;
        Port = port;
        Directory = directory;
        _arguments = arguments;
    }

    public int Port { get; }

    public string Directory { get; }

    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts <paramref name="program"/> (<c>redis-server</c> or <c>redis-sentinel</c>) with <paramref name="arguments"/> after the port and directory, and waits for PONG.</summary>
    public static async Task<RedisProcess> StartAsync(string program, int port, string directory, IReadOnlyList<string> arguments)
    {
        var process = new RedisProcess(program, port, directory, arguments);
        await process.StartAgainAsync();
        return process;
    }

    /// <summary>A directory for one process of a topology.</summary>
    public static string NewDirectory(string purpose) => System.IO.Directory.CreateTempSubdirectory($"gateway-redis-{purpose}-").FullName;

    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory };
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException($"{_program} did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (await CliAsync("PING") != "PONG")
        {
            if (waited.Elapsed > StartTimeout || _process.HasExited)
            {
                throw new InvalidOperationException($"{_program} on port {Port} did not answer PING");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the process ends at once, without a word to its replicas or sentinels.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>SIGSTOP: the process holds still (a stalled replica) until <see cref="Resume"/>.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT.</summary>
    public void Resume() => Signal("CONT");

    /// <summary>Runs <c>redis-cli -p port args...</c> and returns its output, trimmed; empty when it failed.</summary>
    public Task<string> CliAsync(params string[] arguments) => Cli(Port, arguments);

    public static async Task<string> Cli(int port, params string[] arguments)
    {
        var info = new ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var cli = Process.Start(info)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output.Trim();
    }

    /// <summary>A loopback port that is free now (and, for cluster nodes, whose bus port + 10000 is free too).</summary>
    public static int FreePort(bool withBusPort = false)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (!withBusPort || (port + 10000 <= 65535 && IsFree(port + 10000)))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free port pair for a cluster node");
    }

    public async ValueTask DisposeAsync()
    {
        Resume();
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>STOP</c>, <c>CONT</c>) to <paramref name="process"/> when it is still running.</summary>
    internal static void Signal(Process? process, string signal)
    {
        if (process is { HasExited: false })
        {
            using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)])!;
            kill.WaitForExit();
        }
    }

    private void Signal(string signal) => Signal(_process, signal);

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
