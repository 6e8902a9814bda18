using System.Diagnostics;
using System.Text.Json;

namespace Gateway.LoadGen.Tests.Cli;

/// <summary>The generator run as users run it, against a real gateway process: the JSON it prints is usable.</summary>
public sealed class RunCommandSmokeTests
{
    [Fact]
    public async Task Run_OneSecondClosedLoopAgainstTheGateway_PrintsJsonWithRequestsNoErrorsAndOrderedPercentiles()
    {
        var output = Path.Combine(Path.GetTempPath(), $"loadgen-smoke-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, stdout, stderr) = await RunGeneratorAsync(
                "run", "--target", "gateway", "--pubsub", "inmemory", "--mode", "closed", "--connections", "2", "--duration", "1s", "--warmup", "0s", "--out", output);

            Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{stderr}");
            using var printed = JsonDocument.Parse(stdout);
            using var written = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            var row = Assert.Single(written.RootElement.GetProperty("scenarios").EnumerateArray().Single().GetProperty("rows").EnumerateArray());
            Assert.Equal("gateway", row.GetProperty("target").GetString());
            Assert.Equal("inmemory", row.GetProperty("pubsub").GetString());
            Assert.True(row.GetProperty("succeeded").GetInt64() > 0, "no publish succeeded");
            Assert.Equal(0, row.GetProperty("errorCount").GetInt64());
            Assert.True(row.GetProperty("requestsPerSecond").GetDouble() > 0);
            var latency = row.GetProperty("latency");
            var percentiles = new[] { "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs" }.Select(p => latency.GetProperty(p).GetDouble()).ToList();
            Assert.True(percentiles[0] > 0, "p50 is zero");
            Assert.Equal(percentiles.Order(), percentiles);
            Assert.True(row.GetProperty("serverPeakRssMb").GetDouble() > 0, "no peak RSS for the gateway process");
            var cpu = row.GetProperty("serverCpu");
            Assert.True(cpu.GetProperty("seconds").GetDouble() > 0, "no CPU time for the gateway process");
            Assert.Equal(
                cpu.GetProperty("seconds").GetDouble() * 1e6 / row.GetProperty("succeeded").GetInt64(),
                cpu.GetProperty("microsecondsPerRequest").GetDouble(),
                tolerance: 0.5);
            Assert.Equal(written.RootElement.GetProperty("command").GetString(), printed.RootElement.GetProperty("command").GetString());
            Assert.Contains("| gateway → pubsub.in-memory |", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Versus_TwoRoundsWithASecondGateway_PrintsAMedianAndARatioPerTarget()
    {
        var (exitCode, stdout, stderr) = await RunGeneratorAsync(
            "versus", "--pubsub", "inmemory", "--rounds", "2", "--connections", "2", "--duration", "1s", "--warmup", "0s",
            "--baseline-env", "DOTNET_gcServer=0");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{stderr}");
        using var printed = JsonDocument.Parse(stdout);
        var rows = printed.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(
            new[] { "no-op endpoint (HTTP+mTLS ceiling)", "gateway → inmemory", "DOTNET_gcServer=0 → inmemory" },
            rows.Select(r => r.GetProperty("label").GetString() ?? "").ToArray());
        Assert.All(rows, row =>
        {
            var perRound = row.GetProperty("perRound").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(2, perRound.Count);
            Assert.All(perRound, value => Assert.True(value > 0, "a round without requests or with errors"));
            Assert.InRange(row.GetProperty("medianPerSecond").GetDouble(), perRound.Min(), perRound.Max());
        });
        Assert.Equal(1.0, rows[0].GetProperty("medianRatioToNoop").GetDouble());
        Assert.Equal("NaN", rows[0].GetProperty("medianServerCpuAddedOverNoopMicroseconds").GetString());
        Assert.All(rows, row => Assert.True(row.GetProperty("medianServerCpuMicrosecondsPerRequest").GetDouble() > 0, "no server CPU per request"));
        Assert.Equal(
            rows[1].GetProperty("serverCpuMicrosecondsPerRequestPerRound")[1].GetDouble() - rows[0].GetProperty("serverCpuMicrosecondsPerRequestPerRound")[1].GetDouble(),
            rows[1].GetProperty("medianServerCpuAddedOverNoopMicroseconds").GetDouble(),
            precision: 6);
        Assert.Contains("| gateway → inmemory |", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_IdleModeWithSubscriptions_PrintsTheGatewaysShareOfOneCoreAndNoRequests()
    {
        var (exitCode, stdout, stderr) = await RunGeneratorAsync(
            "run", "--target", "gateway", "--pubsub", "inmemory", "--mode", "idle", "--subscriptions", "3", "--duration", "1s", "--warmup", "0s");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{stderr}");
        using var printed = JsonDocument.Parse(stdout);
        var row = Assert.Single(printed.RootElement.GetProperty("scenarios").EnumerateArray().Single().GetProperty("rows").EnumerateArray());
        Assert.Equal("idle", row.GetProperty("mode").GetString());
        Assert.Equal(3, row.GetProperty("subscriptions").GetInt32());
        Assert.Equal(0, row.GetProperty("sends").GetInt64());
        var cpu = row.GetProperty("serverCpu");
        Assert.True(cpu.GetProperty("percentOfOneCore").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, cpu.GetProperty("microsecondsPerRequest").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("redisClientConnections").ValueKind);
        Assert.Contains("| gateway → pubsub.in-memory | 3 |", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownTarget_ExitsWithAnErrorNamingTheChoices()
    {
        var (exitCode, _, stderr) = await RunGeneratorAsync("run", "--target", "nats", "--duration", "1s");

        Assert.Equal(2, exitCode);
        Assert.Contains("--target 'nats' is not one of gateway, noop, redis-direct, kafka-direct", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunGeneratorAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.LoadGen.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the load generator did not finish within 120 s; stderr so far:\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
