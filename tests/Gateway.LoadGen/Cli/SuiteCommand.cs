using System.CommandLine;
using Gateway.LoadGen.Report;
using Gateway.LoadGen.Suite;
using Gateway.LoadGen.Targets;

namespace Gateway.LoadGen.Cli;

/// <summary>
/// <c>suite [--quick] [--out results.json] [--markdown FILE] [--only KEYS]</c>: every scenario with its
/// baselines side by side; the JSON document goes to <c>--out</c>, the markdown tables to standard output
/// (and to <c>--markdown</c>).
/// </summary>
internal static class SuiteCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "short windows and fewer rates (under 3 minutes)" };
        var output = new Option<string>("--out") { Description = "the JSON document", DefaultValueFactory = _ => "results.json" };
        var markdown = new Option<string?>("--markdown") { Description = "also write the markdown tables to this file" };
        var only = new Option<string?>("--only") { Description = $"comma-separated scenario keys: {string.Join(", ", BenchSuite.Keys)}" };
        var connections = new Option<int>("--connections") { Description = "keep-alive connections (workers) per run", DefaultValueFactory = _ => 4 };
        var rateConnections = new Option<int>("--rate-connections") { Description = "connections (workers) per fixed-rate run", DefaultValueFactory = _ => 32 };
        var payload = new Option<int>("--payload") { Description = "bytes of each message's JSON payload", DefaultValueFactory = _ => 256 };
        var client = new Option<string>("--client") { Description = "raw | httpclient", DefaultValueFactory = _ => "raw" };
        var command = new Command("suite", "Every scenario of docs/benchmarks.md, with the baselines, in one run.") { quick, output, markdown, only, connections, rateConnections, payload, client };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connectionCount = parse.GetValue(connections);
            var settings = (parse.GetValue(quick) ? SuiteSettings.Quick(connectionCount) : SuiteSettings.Full(connectionCount)) with { RateConnections = parse.GetValue(rateConnections) };
            var keys = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (keys?.FirstOrDefault(k => !BenchSuite.Keys.Contains(k)) is { } unknown)
            {
                Console.Error.WriteLine($"error: --only '{unknown}' is not a scenario; the scenarios are {string.Join(", ", BenchSuite.Keys)}");
                return 2;
            }

            var (report, failed) = await BenchSuite.RunAsync(
                settings, keys, Enum.Parse<HttpClientKind>(parse.GetValue(client)!, ignoreCase: true), parse.GetValue(payload),
                "suite " + string.Join(' ', parse.Tokens.Select(t => t.Value)), cancellationToken);
            await ReportOutput.WriteFileAsync(parse.GetValue(output)!, ReportOutput.ToJson(report));
            var tables = MarkdownReport.Write(report, headings: true);
            if (parse.GetValue(markdown) is { } path)
            {
                await ReportOutput.WriteFileAsync(path, tables);
            }

            Console.Out.WriteLine(tables);
            return failed ? 1 : 0;
        });
        return command;
    }
}
