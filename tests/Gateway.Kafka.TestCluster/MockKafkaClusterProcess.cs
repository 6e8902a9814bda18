using System.Diagnostics;

namespace Gateway.Kafka.TestCluster;

/// <summary>
/// A mock cluster in a child process (this assembly's <see cref="Program"/>), so the broker and its
/// data outlive a process under test that is killed. Disposing closes its stdin and, if it lingers, kills it.
/// </summary>
public sealed class MockKafkaClusterProcess : IDisposable
{
    private const string BootstrapPrefix = "BOOTSTRAP=";
    private readonly Process _process;

    private MockKafkaClusterProcess(Process process, string bootstrapServers)
    {
        _process = process;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the child with <paramref name="brokerCount"/> brokers and waits for its bootstrap list.</summary>
    public static async Task<MockKafkaClusterProcess> StartAsync(int brokerCount, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(DotnetHost(), [typeof(Program).Assembly.Location, brokerCount.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The mock cluster process did not start.");
        try
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(BootstrapPrefix, StringComparison.Ordinal))
                {
                    return new MockKafkaClusterProcess(process, line[BootstrapPrefix.Length..]);
                }
            }

            throw new InvalidOperationException("The mock cluster process ended without printing its bootstrap servers.");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The running dotnet host when this process is one, else <c>dotnet</c> from PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
