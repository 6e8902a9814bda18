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

    /// <summary>Starts the gateway in <paramref name="workingDirectory"/> and waits until it listens.</summary>
    public static async Task<RunningGateway> StartAsync(FaultPki pki, string workingDirectory, string resourcesDirectory)
    {
        string[] args = ["run", "--listen", "https://127.0.0.1:0", "--resources-path", resourcesDirectory, .. pki.RunArguments];
        var process = GatewayProcess.Start(workingDirectory, args);
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
