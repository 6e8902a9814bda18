using Gateway.Resources.Parsing;

namespace Gateway.Tests.Resources.Parsing;

public sealed class ResourceFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-files-").FullName;

    [Fact]
    public void Find_AKubernetesConfigMapVolume_ReadsEachFileOnce()
    {
        // What the kubelet writes: real files in a timestamped folder, ..data pointing at it, visible links to ..data.
        var stamped = Path.Combine(_folder, "..2026_11_23_12_00_00.123");
        Directory.CreateDirectory(stamped);
        File.WriteAllText(Path.Combine(stamped, "pubsub.yaml"), "kind: Component");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "..data"), stamped);
        File.CreateSymbolicLink(Path.Combine(_folder, "pubsub.yaml"), Path.Combine("..data", "pubsub.yaml"));

        var files = ResourceFiles.Find(_folder);

        Assert.Equal(["pubsub.yaml"], files.Select(file => file.RelativePath));
    }

    [Fact]
    public void Find_BothExtensionsInOrdinalOrder_NotSubFolders()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "compose"));
        File.WriteAllText(Path.Combine(_folder, "compose", "x.yml"), "");
        File.WriteAllText(Path.Combine(_folder, "b.yml"), "");
        File.WriteAllText(Path.Combine(_folder, "B.yaml"), "");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "");

        Assert.Equal(["B.yaml", "b.yml"], ResourceFiles.Find(_folder).Select(file => file.RelativePath));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
