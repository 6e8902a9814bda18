namespace Gateway.Resources.Parsing;

/// <summary>Finds the YAML files of a resources directory in a fixed order.</summary>
internal static class ResourceFiles
{
    /// <summary>
    /// Every <c>*.yaml</c> and <c>*.yml</c> file directly in <paramref name="directory"/>, as
    /// (full path, file name), sorted ordinally: the manifest order. Sub-folders are not read, as
    /// Dapr's loader does not read them: <c>components/</c> can hold other resource sets (such as
    /// <c>components/compose/</c>) in sub-folders, and a Kubernetes ConfigMap volume's hidden
    /// <c>..data</c> copies are never loaded twice.
    /// </summary>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Find(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly)
            .Where(IsYaml)
            .Select(path => (path, Path.GetFileName(path)))
            .OrderBy(file => file.Item2, StringComparer.Ordinal),
    ];

    private static bool IsYaml(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }
}
