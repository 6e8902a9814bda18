using System.Runtime.InteropServices;

namespace Gateway.Kafka.TestCluster;

/// <summary>
/// The librdkafka that Confluent.Kafka loaded from the <c>librdkafka.redist</c> package. Confluent's
/// loader picks the build that works on this system (on Debian the self-contained
/// <c>centos8-librdkafka.so</c>, since the default build needs <c>libsasl2.so.3</c>); this class asks it
/// to load, then opens the same file, which hands back the same library instance.
/// </summary>
internal static class BundledLibrdkafka
{
    private static readonly Lazy<IntPtr> Loaded = new(Load);

    /// <summary>The handle of the loaded library.</summary>
    public static IntPtr Handle => Loaded.Value;

    /// <summary>Where the loaded library lives, for messages.</summary>
    public static string? Path { get; private set; }

    private static IntPtr Load()
    {
        // Any call into Confluent.Kafka's native layer makes it load librdkafka.
        _ = Confluent.Kafka.Library.Version;
        Path = LoadedFile() ?? throw new InvalidOperationException(
            "Confluent.Kafka loaded librdkafka, but no mapped file named librdkafka was found in /proc/self/maps; the mock cluster needs Linux.");
        return NativeLibrary.Load(Path);
    }

    private static string? LoadedFile() =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[5].Contains("librdkafka", StringComparison.Ordinal))
            .Select(fields => string.Join(' ', fields[5..]))
            .FirstOrDefault();
}
