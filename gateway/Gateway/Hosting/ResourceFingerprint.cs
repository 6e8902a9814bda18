using System.Security.Cryptography;
using System.Text;

namespace Gateway.Hosting;

/// <summary>
/// A fingerprint of the resource files directly in a folder (<c>*.yaml</c>, <c>*.yml</c>; sub-folders are
/// not read, as the loader does not read them): name, size, last write time and SHA-256 of the content.
/// </summary>
internal static class ResourceFingerprint
{
    /// <summary>The fingerprint now; a file that vanishes while being read counts as a change and is seen at the next poll.</summary>
    public static string Take(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return "missing";
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var path in files)
        {
            try
            {
                var info = new FileInfo(path);
                var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
                text.Append(info.Name).Append('|').Append(info.Length).Append('|')
                    .Append(info.LastWriteTimeUtc.Ticks).Append('|').Append(hash).Append('\n');
            }
            catch (IOException)
            {
                text.Append(Path.GetFileName(path)).Append("|unreadable\n");
            }
        }

        return text.ToString();
    }
}
