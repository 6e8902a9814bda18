namespace Gateway.Resources.Parsing;

/// <summary>Finds the YAML files of a resources directory in a fixed order.</summary>
internal static class ResourceFiles
{
    /// <summary>
    /// Every <c>*.yaml</c> and <c>*.yml</c> file below <paramref name="directory"/>, as
    /// (full path, path relative to the directory with <c>/</c> separators), sorted ordinally by
    /// the relative path. This order is the manifest order. Folders whose names start with <c>..</c>
    /// are skipped: a Kubernetes ConfigMap or Secret volume keeps its real files in <c>..data</c> and
    /// <c>..&lt;timestamp&gt;</c> folders behind the visible links, so reading them would load every
    /// resource twice.
    /// </summary>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Find(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Select(path => (path, Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(file => !file.Item2.Split('/').SkipLast(1).Any(folder => folder.StartsWith("..", StringComparison.Ordinal)))
            .OrderBy(file => file.Item2, StringComparer.Ordinal),
    ];

    private static bool IsYaml(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }
}
