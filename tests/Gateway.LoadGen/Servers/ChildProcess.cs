using System.Diagnostics;

namespace Gateway.LoadGen.Servers;

/// <summary>
/// A .NET program (a dll beside this one) run as a child process; keeps the last lines of its output
/// for error messages and can wait for a line that starts with a given prefix.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly List<(string Prefix, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Lock _gate = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess StartDll(string dll, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"'{dll}' did not start");
        return new ChildProcess(process, Path.GetFileNameWithoutExtension(dll));
    }

    /// <summary>The rest of the first output line starting with <paramref name="prefix"/>; throws with the output if the process exits first.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line[prefix.Length..];
                }
            }

            _waiters.Add((prefix, found));
        }

        using var deadline = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        var first = await Task.WhenAny(found.Task, exited);
        if (first == found.Task)
        {
            return await found.Task;
        }

        throw new InvalidOperationException(
            $"{Name} {(deadline.IsCancellationRequested ? $"did not print '{prefix}' within {timeout.TotalSeconds:0} s" : $"exited with {_process.ExitCode}")}; its output:{Environment.NewLine}{Output()}");
    }

    public string Output()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
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

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.StartsWith(_waiters[i].Prefix, StringComparison.Ordinal))
                {
                    _waiters[i].Found.TrySetResult(line[_waiters[i].Prefix.Length..]);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The running dotnet host when this process is one, else <c>dotnet</c> from PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
