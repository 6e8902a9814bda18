using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Gateway.LoadGen.Report;

/// <summary>The machine a report was measured on, read from /proc and the tools themselves.</summary>
internal sealed record MachineInfo(
    int Cores,
    string CpuModel,
    double MemoryGiB,
    string Kernel,
    string Runtime,
    string? RedisServer,
    string? Librdkafka,
    string LoadAverageAtStart)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? "unknown",
        Math.Round((ParseKb(ProcField("/proc/meminfo", "MemTotal")) ?? 0) / 1024.0 / 1024.0, 1),
        ReadText("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        FirstLine("redis-server", "--version"),
        LibrdkafkaVersion(),
        ReadText("/proc/loadavg") ?? "unknown");

    private static string? LibrdkafkaVersion()
    {
        try
        {
            return Confluent.Kafka.Library.VersionString;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    private static string? ProcField(string path, string name)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long? ParseKb(string? value) =>
        value is not null && long.TryParse(value.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? FirstLine(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return null;
            }

            var line = process.StandardOutput.ReadLine();
            process.WaitForExit();
            return line?.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
