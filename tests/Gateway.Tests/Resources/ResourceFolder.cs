using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>A uniquely named temporary resources directory, deleted when disposed.</summary>
internal sealed class ResourceFolder : IDisposable
{
    public ResourceFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gateway-resources-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file; <paramref name="relativePath"/> may contain sub-folders.</summary>
    public ResourceFolder With(string relativePath, string yaml)
    {
        var fullPath = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, yaml);
        return this;
    }

    public ResourceLoadResult Load() => ResourceLoader.Load(Path, FakePubSubDriverFactory.All);

    /// <summary>Writes one file and loads the folder.</summary>
    public static ResourceLoadResult LoadSingle(string yaml)
    {
        using var folder = new ResourceFolder().With("resources.yaml", yaml);
        return folder.Load();
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
