using System.Security.Cryptography;
using System.Text;

namespace Gateway.Credentials;

/// <summary>
/// A cheap summary of the credential files: per file, the fully resolved target (so an atomic swap of a
/// <c>..data</c> symlink is seen although the visible name never changes), its size, modification time
/// and SHA-256 (so an in-place rewrite within the mtime granularity is seen too). Equal fingerprints
/// mean nothing changed.
/// </summary>
internal static class CredentialFingerprint
{
    /// <summary>Fingerprints the SVID certificate, its key and every bundle file the options name.</summary>
    public static string Take(ICredentialSettings options) => Take(WatchedPaths(options));

    /// <summary>The credential files of <paramref name="options"/>, in a stable order.</summary>
    public static List<string> WatchedPaths(ICredentialSettings options) =>
        [options.SvidCert ?? string.Empty, options.SvidKey ?? string.Empty, .. options.TrustBundles.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value)];

    /// <summary>Fingerprints <paramref name="paths"/> in order; a missing or unreadable file is part of it.</summary>
    public static string Take(IEnumerable<string> paths)
    {
        var text = new StringBuilder();
        foreach (var path in paths)
        {
            text.Append(path).Append('=').Append(Describe(path)).Append('\n');
        }

        return text.ToString();
    }

    private static string Describe(string path)
    {
        try
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
            var info = new FileInfo(target);
            if (!info.Exists)
            {
                return "missing";
            }

            var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(target)));
            return $"{target}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{hash}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable: " + ex.GetType().Name;
        }
    }
}
