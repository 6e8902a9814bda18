using System.Diagnostics;
using System.Text;

namespace Gateway.Tests.TestSupport;

/// <summary>A script from <c>tests/js</c> run with Node.js, its output kept line by line.</summary>
internal sealed class NodeScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();

    private NodeScript(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The folder with the scripts and their installed packages.</summary>
    public static string ScriptsDirectory
    {
        get
        {
            var directory = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(directory, "Gateway.sln")))
            {
                directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("Gateway.sln not found above the test binaries");
            }

            var scripts = Path.Combine(directory, "tests", "js");
            if (!Directory.Exists(Path.Combine(scripts, "node_modules", "@dapr", "dapr")))
            {
                throw new InvalidOperationException($"the JavaScript clients are not installed: run 'npm ci --prefix {scripts}' (tests/run.sh does)");
            }

            return scripts;
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// What the scripts' mtls-agent.js reads: the CA to trust for the gateway, and an SVID of
    /// <paramref name="appId"/> written as PEM files.
    /// </summary>
    public static Dictionary<string, string> AppEnvironment(TestPki pki, string appId)
    {
        var certPath = Path.Combine(pki.Directory, appId + ".crt");
        var keyPath = Path.Combine(pki.Directory, appId + ".key");
        using var svid = pki.IssueApp(appId);
        Gateway.Certificates.SvidFiles.Write(svid, pki.Ca.Certificate, certPath, keyPath);
        return new Dictionary<string, string> { ["GATEWAY_CA"] = pki.CaPath, ["APP_CERT"] = certPath, ["APP_KEY"] = keyPath };
    }

    public static NodeScript Start(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new NodeScript(Process.Start(start)!);
    }

    /// <summary>Waits for an output line containing every one of <paramref name="fragments"/>.</summary>
    public async Task<string> WaitForLineAsync(params string[] fragments)
    {
        string? found = null;
        await Eventually.TrueAsync(
            () => (found = Lines.FirstOrDefault(line => fragments.All(f => line.Contains(f, StringComparison.Ordinal)))) is not null || _process.HasExited,
            $"a line with {string.Join(", ", fragments)}");
        return found ?? throw new InvalidOperationException($"the script exited ({_process.ExitCode}) without printing it: {StandardError}\n{string.Join('\n', Lines)}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout + Eventually.DefaultTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
