using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// One run of the real <c>gateway run</c> program (a child process) over a resources folder, on a
/// free port chosen by the OS. Disposing it, or <see cref="KillAsync"/>, is a SIGKILL.
/// </summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    private const string ListeningPrefix = "gateway listening on ";
    private readonly GatewayProcess _process;
    private bool _killed;

    private RunningGateway(GatewayProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string StandardError => _process.StandardError;

    public string StandardOutput => _process.StandardOutput;

    /// <summary>Whether the process is still running (it has not crashed).</summary>
    public bool IsRunning => !_killed && !_process.HasExited;

    /// <summary>The peak resident set size so far (<c>VmHWM</c>), in MiB.</summary>
    public double PeakRssMiB
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>Starts the gateway in <paramref name="workingDirectory"/> and waits until it listens.</summary>
    /// <param name="environment">Variables added to the gateway's environment (runtime settings such as a heap limit).</param>
    public static async Task<RunningGateway> StartAsync(FaultPki pki, string workingDirectory, string resourcesDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] args = ["run", "--listen", "https://127.0.0.1:0", "--resources-path", resourcesDirectory, .. pki.RunArguments];
        var process = GatewayProcess.Start(workingDirectory, environment ?? new Dictionary<string, string>(), args);
        try
        {
            await process.WaitForOutputAsync(ListeningPrefix);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        var line = process.StandardOutput.Split('\n').First(l => l.StartsWith(ListeningPrefix, StringComparison.Ordinal));
        return new RunningGateway(process, new Uri(line[ListeningPrefix.Length..].Split(' ')[0]));
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed or committed.</summary>
    public async Task KillAsync()
    {
        if (!_killed)
        {
            _killed = true;
            await _process.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(KillAsync());
}
