using System.Security.Cryptography;
using System.Text;
using Gateway.Resources.Parsing;

namespace Gateway.Hosting;

/// <summary>
/// A fingerprint of the resource files directly in a folder (<c>*.yaml</c>, <c>*.yml</c>; sub-folders are
/// not read, as the loader does not read them) and of the secret files their <c>secretstores.local.file</c>
/// stores read: name and SHA-256 of the content, or why it cannot be read. The fingerprint stays in memory.
/// </summary>
internal static class ResourceFingerprint
{
    /// <summary>The fingerprint now; a file that vanishes while being read counts as a change and is seen at the next poll.</summary>
    /// <param name="secretFiles">Full paths of the secret files the last load read (<see cref="Resources.ResourceLoadResult.SecretFiles"/>).</param>
    public static string Take(string directory, long maxFileBytes, IReadOnlyList<string> secretFiles)
    {
        if (!Directory.Exists(directory))
        {
            return "missing";
        }

        var text = new StringBuilder();
        foreach (var (path, name) in ResourceFiles.Find(directory))
        {
            Append(text, name, path, maxFileBytes);
        }

        foreach (var path in secretFiles.Order(StringComparer.Ordinal))
        {
            Append(text, "secret " + path, path, maxFileBytes);
        }

        return text.ToString();
    }

    // The loader's own reader: a FIFO or device is never opened, a huge file never read whole.
    private static void Append(StringBuilder text, string name, string path, long maxFileBytes)
    {
        var bytes = ResourceFileReader.Read(path, maxFileBytes, out var problem);
        text.Append(name).Append('|').Append(bytes is null ? problem : Convert.ToHexString(SHA256.HashData(bytes))).Append('\n');
    }
}
