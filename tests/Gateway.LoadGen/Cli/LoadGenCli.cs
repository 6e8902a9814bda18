using System.CommandLine;

namespace Gateway.LoadGen.Cli;

/// <summary>
/// <c>run</c> (one measurement), <c>suite</c> (every scenario, the tables of docs/benchmarks.md), <c>versus</c>
/// (interleaved rounds of closed-loop throughput against the no-op endpoint, optionally against another build),
/// and the hidden <c>noop</c> server.
/// </summary>
internal static class LoadGenCli
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Load generator and benchmark suite for the gateway.")
        {
            RunCommand.Create(),
            SuiteCommand.Create(),
            VersusCommand.Create(),
            NoopCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
