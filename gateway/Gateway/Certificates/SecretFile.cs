using System.Text;

namespace Gateway.Certificates;

/// <summary>Writes credential files so that a reader never sees a half-written file.</summary>
internal static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerWriteAllRead = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes a private key: mode 0600 on Unix, replacing any existing file in one rename.</summary>
    public static void WritePrivate(string path, string content) => Write(path, content, OwnerOnly);

    /// <summary>Writes a public file (certificates): mode 0644 on Unix, replacing in one rename.</summary>
    public static void WritePublic(string path, string content) => Write(path, content, OwnerWriteAllRead);

    private static void Write(string path, string content, UnixFileMode mode)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);

        // Written next to the target so the final rename stays on one file system and is atomic.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
