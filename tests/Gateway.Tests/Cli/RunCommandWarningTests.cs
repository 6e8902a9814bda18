using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Cli;

/// <summary>Resource warnings of a running gateway: said once when it starts, and once more at each live reload.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class RunCommandWarningTests : IDisposable
{
    private const string Warning = "metadata 'maxPendingMesages' is not a pubsub.in-memory setting and has no effect; did you mean 'maxPendingMessages'?";
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-run-warnings-").FullName;

    [Fact]
    public async Task Run_MetadataWarning_IsLoggedOnceAtStartAndOnceAtEachReload()
    {
        var components = Directory.CreateDirectory(Path.Combine(_folder, "components")).FullName;
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{"Gateway":{"ResourcesPollInterval":"00:00:00.200"}}""");
        WriteComponents(components, "pubsub");
        await using var gateway = GatewayProcess.Start(_folder, "--dev", "--listen", "https://127.0.0.1:0");
        await gateway.WaitForOutputAsync("gateway listening on ");
        Assert.Equal(1, Count(gateway));

        WriteComponents(components, "pubsub", "second");
        await gateway.WaitForOutputAsync("Resources reloaded: 2 components");
        Assert.Equal(2, Count(gateway));

        WriteComponents(components, "pubsub", "second", "third");
        await gateway.WaitForOutputAsync("Resources reloaded: 3 components");
        Assert.Equal(3, Count(gateway));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int Count(GatewayProcess gateway) =>
        (gateway.StandardOutput + gateway.StandardError).Split('\n').Count(line => line.Contains(Warning, StringComparison.Ordinal));

    /// <summary>The first component carries the misspelt key; the file is replaced in one move, as operations.md asks.</summary>
    private static void WriteComponents(string directory, params string[] names)
    {
        var documents = names.Select((name, i) =>
            $"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: {name}\nspec:\n  type: pubsub.in-memory\n" +
            (i == 0 ? "  metadata:\n  - name: maxPendingMesages\n    value: \"10\"\n" : string.Empty));
        var temporary = Path.GetTempFileName();
        File.WriteAllText(temporary, string.Join("---\n", documents));
        File.Move(temporary, Path.Combine(directory, "pubsub.yaml"), overwrite: true);
    }
}
