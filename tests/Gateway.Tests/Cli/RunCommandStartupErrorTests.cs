using System.Net;
using System.Net.Sockets;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Cli;

/// <summary>
/// Start-up mistakes a new user makes get one line that names the problem and the fix, exit code 1, no
/// stack trace, and nothing written to disk (no development CA for a run that cannot start).
/// </summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class RunCommandStartupErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-run-").FullName;

    [Fact]
    public async Task PortInUse_OneLineNamingListen_Exit1_NothingWritten()
    {
        WriteComponents();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--dev", "--listen", $"https://127.0.0.1:{port}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(stderr));
        Assert.Equal($"error: cannot listen on https://127.0.0.1:{port}: the address is already in use; stop what uses it or choose another address with --listen https://HOST:PORT", line);
        Assert.Empty(Lines(stdout));
        Assert.False(Directory.Exists(Path.Combine(_folder, ".gateway")), "a development CA was written for a run that could not start");
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("five seconds")]
    public async Task BadDurationFlag_OneLineNamingTheSettingAndTheForm_Exit1(string value)
    {
        WriteComponents();

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--dev", "--listen", "https://127.0.0.1:0", "--credential-poll-interval", value);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("Gateway:CredentialPollInterval", line, StringComparison.Ordinal);
        Assert.Contains($"'{value}' is not a duration; write it as in the YAML, such as '5s', '500ms' or '1m30s'", line, StringComparison.Ordinal);
        Assert.Empty(Lines(stdout));
        Assert.False(Directory.Exists(Path.Combine(_folder, ".gateway")));
    }

    [Fact]
    public async Task GoStyleDurationFlag_IsTaken()
    {
        WriteComponents();
        await using var gateway = GatewayProcess.Start(_folder, "run", "--dev", "--listen", "https://127.0.0.1:0", "--credential-poll-interval", "1m30s");

        await gateway.WaitForOutputAsync("gateway listening on ");

        Assert.Contains("gateway listening on ", gateway.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFromAFolderWithoutComponents_SaysSo_AndWritesNoDevelopmentCa()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--dev", "--listen", "https://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("the resources directory does not exist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, ".gateway")));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("help", "validate")]
    public async Task Help_IsACommand(params string[] args)
    {
        var (exitCode, stdout, _) = await GatewayProcess.RunAsync(_folder, args);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains(args.Length == 1 ? "gateway [command] [options]" : "gateway validate [options]", stdout, StringComparison.Ordinal);
    }

    private void WriteComponents()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        File.WriteAllText(Path.Combine(_folder, "components", "pubsub.yaml"), TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
