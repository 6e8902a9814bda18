namespace Gateway.Tests.Operations;

/// <summary>Files of this repository, found from the test binaries by walking up to <c>Gateway.sln</c>.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(() =>
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "Gateway.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("Gateway.sln not found above the test binaries");
        }

        return directory;
    });

    public static string Root => RootDirectory.Value;

    /// <summary>The full path of <paramref name="relativePath"/> (forward slashes) under the repository root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));
}
