using System.Security.Cryptography;
using System.Text;
using Gateway.Resources.Parsing;

namespace Gateway.Hosting;

/// <summary>
/// A fingerprint of the resource files directly in a folder (<c>*.yaml</c>, <c>*.yml</c>; sub-folders are
/// not read, as the loader does not read them): name and SHA-256 of the content, or why it cannot be read.
/// </summary>
internal static class ResourceFingerprint
{
    /// <summary>The fingerprint now; a file that vanishes while being read counts as a change and is seen at the next poll.</summary>
    public static string Take(string directory, long maxFileBytes)
    {
        if (!Directory.Exists(directory))
        {
            return "missing";
        }

        var text = new StringBuilder();
        foreach (var (path, name) in ResourceFiles.Find(directory))
        {
            // The loader's own reader: a FIFO or device is never opened, a huge file never read whole.
            var bytes = ResourceFileReader.Read(path, maxFileBytes, out var problem);
            text.Append(name).Append('|').Append(bytes is null ? problem : Convert.ToHexString(SHA256.HashData(bytes))).Append('\n');
        }

        return text.ToString();
    }
}
