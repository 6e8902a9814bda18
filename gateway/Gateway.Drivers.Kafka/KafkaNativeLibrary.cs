using System.Reflection;
using System.Runtime.InteropServices;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Points Confluent.Kafka's native imports at the system's librdkafka (<c>librdkafka.so.1</c>)
/// instead of the redist package's copy, which is not installed with the gateway.
/// </summary>
public static class KafkaNativeLibrary
{
    /// <summary>The file name the system's dynamic loader knows librdkafka by.</summary>
    public const string SystemLibraryName = "librdkafka.so.1";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>
    /// Installs the import resolver for Confluent.Kafka's assembly. Safe to call any number of times
    /// from any thread: the runtime refuses a second resolver for one assembly, so only the first
    /// call installs it. Call it before the first Confluent.Kafka type touches native code.
    /// </summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(Confluent.Kafka.Library).Assembly, Resolve);
            _installed = true;
        }
    }

    /// <summary>Loads the system library; for our own P/Invoke declarations (test cluster).</summary>
    internal static IntPtr LoadSystemLibrary() => NativeLibrary.Load(SystemLibraryName);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName.StartsWith("librdkafka", StringComparison.OrdinalIgnoreCase)
            && NativeLibrary.TryLoad(SystemLibraryName, out var handle))
        {
            return handle;
        }

        // Anything else, or a machine without librdkafka1: the runtime's default probing and its error.
        return IntPtr.Zero;
    }
}
