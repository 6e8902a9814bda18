using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Gateway.Resources.Parsing;

/// <summary>
/// Reads one resource file defensively: the resources folder is trusted input, but a mistake there (a
/// link to a device, a FIFO, a huge or unreadable file) must never hang, exhaust or stop the gateway. Only
/// regular files (or links to them) up to a size limit are read; anything else, and any failure of any
/// kind, is a problem for that file alone, reported with the reason.
/// </summary>
internal static class ResourceFileReader
{
    /// <summary>The default largest resource file, 4 MiB (setting <c>Gateway:MaxResourceFileBytes</c>).</summary>
    public const long DefaultMaxBytes = 4 * 1024 * 1024;

    /// <summary>The file's bytes, or null with <paramref name="problem"/> saying why it was not read.</summary>
    public static byte[]? Read(string fullPath, long maxBytes, out string problem)
    {
        try
        {
            if (FileTypeProblem(fullPath) is { } typeProblem)
            {
                problem = typeProblem;
                return null;
            }

            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    problem = $"the file is larger than the limit of {maxBytes} bytes (setting Gateway:MaxResourceFileBytes); split it or raise the limit";
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            problem = "";
            return buffer.ToArray();
        }
        catch (Exception ex)
        {
            problem = $"cannot read the file: {ex.Message}" + (ex is UnauthorizedAccessException ? "; make it readable by the gateway" : "");
            return null;
        }
    }

    /// <summary>
    /// Why the file (after following links) is not a regular file; null when it is, or when the platform
    /// cannot tell (only Linux is asked: opening a FIFO would block until something writes to it).
    /// </summary>
    private static string? FileTypeProblem(string fullPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx has the same layout on every Linux architecture: stx_mode is a u16 at byte 28.
        var buffer = new byte[256];
        if (Statx(AtCurrentDirectory, fullPath, 0, StatxType, buffer) != 0)
        {
            return $"cannot read the file: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & FileTypeMask;
        return type == RegularFile
            ? null
            : $"it is not a regular file ({Describe(type)}, or a link to one); only regular files are read";
    }

    private static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x4000 => "a directory",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "not a regular file",
    };

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
