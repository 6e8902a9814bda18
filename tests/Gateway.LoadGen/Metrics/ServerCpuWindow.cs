using System.Diagnostics;
using Gateway.LoadGen.Load;

namespace Gateway.LoadGen.Metrics;

/// <summary>
/// Reads a server process's CPU time at the two edges of a run's measured window, so that neither the warm-up
/// nor the opening and closing of connections is counted: when the window opens (on a thread of its own that
/// sleeps until the window's timestamp) and when its last answer has arrived (<see cref="Hooks"/>).
/// </summary>
internal sealed class ServerCpuWindow(int processId)
{
    private Task _opened = Task.CompletedTask;
    private TimeSpan? _atOpen;
    private long _openedAt;
    private TimeSpan? _atClose;
    private long _closedAt;

    /// <summary>Hooks for the run, around <paramref name="opening"/> (e.g. arming the delivery recorder).</summary>
    public WindowHooks Hooks(Action<long>? opening) => new(
        windowStart =>
        {
            opening?.Invoke(windowStart);
            OpenAt(windowStart);
        },
        Close);

    /// <summary>The CPU used in the window, once it has closed; null when the process was gone at either edge.</summary>
    public async Task<ServerCpuUse?> MeasuredAsync(long requests)
    {
        await _opened;
        return _atOpen is { } open && _atClose is { } close && _closedAt > _openedAt
            ? ServerCpuUse.Of(close - open, Stopwatch.GetElapsedTime(_openedAt, _closedAt), requests)
            : null;
    }

    private void OpenAt(long windowStart) => _opened = Task.Factory.StartNew(
        () =>
        {
            // A signal can end nanosleep early.
            for (var left = windowStart - Stopwatch.GetTimestamp(); left > 0; left = windowStart - Stopwatch.GetTimestamp())
            {
                PreciseSleep.For(left);
            }

            _openedAt = Stopwatch.GetTimestamp();
            _atOpen = ServerCpu.Of(processId);
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private void Close()
    {
        _atClose = ServerCpu.Of(processId);
        _closedAt = Stopwatch.GetTimestamp();
    }
}
