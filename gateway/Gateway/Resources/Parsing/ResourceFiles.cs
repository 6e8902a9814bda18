namespace Gateway.Resources.Parsing;

/// <summary>Finds the YAML files of a resources directory in a fixed order.</summary>
internal static class ResourceFiles
{
    /// <summary>
    /// Every <c>*.yaml</c> and <c>*.yml</c> file below <paramref name="directory"/>, as
    /// (full path, path relative to the directory with <c>/</c> separators), sorted ordinally by
    /// the relative path. This order is the manifest order.
    /// </summary>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Find(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Select(path => (path, Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(file => file.Item2, StringComparer.Ordinal),
    ];

    private static bool IsYaml(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }
}
