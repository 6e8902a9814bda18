using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Gateway.LoadGen.Load;

/// <summary>
/// Sleeps for sub-millisecond spans: <c>nanosleep</c> on Linux (woken within the kernel's timer slack,
/// about 50 µs), where <see cref="Thread.Sleep(int)"/> only knows whole milliseconds; elsewhere 1 ms.
/// </summary>
internal static partial class PreciseSleep
{
    public static void For(long stopwatchTicks)
    {
        if (stopwatchTicks <= 0)
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            var nanoseconds = stopwatchTicks * 1_000_000_000 / Stopwatch.Frequency;
            var request = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
            _ = Nanosleep(ref request, IntPtr.Zero);
            return;
        }

        Thread.Sleep(1);
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int Nanosleep(ref Timespec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
