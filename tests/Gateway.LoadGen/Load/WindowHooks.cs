namespace Gateway.LoadGen.Load;

/// <summary>What a run tells about its measured window, each at the moment it happens.</summary>
/// <param name="Opening">Before anything is sent: the timestamp (<see cref="System.Diagnostics.Stopwatch"/>) at which the window will open, when the warm-up ends.</param>
/// <param name="Closed">Every send of the window has been answered or given up; the connections are still open.</param>
internal sealed record WindowHooks(Action<long>? Opening = null, Action? Closed = null)
{
    public static readonly WindowHooks None = new();
}
