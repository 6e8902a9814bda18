using Gateway.Drivers.InMemory;
using Gateway.Drivers.Kafka;
using Gateway.Drivers.MetadataParsing;
using Gateway.Drivers.Redis;

namespace Gateway.Drivers.Tests.MetadataParsing;

/// <summary>Every key of every driver's table has its row in <c>docs/configuration.md</c>, under its component type.</summary>
public sealed class DocumentedKeysTests
{
    public static TheoryData<string> ComponentTypes => [InMemoryMetadataSchema.ComponentType, RedisMetadataSchema.ComponentType, KafkaMetadataSchema.ComponentType];

    [Theory]
    [MemberData(nameof(ComponentTypes))]
    public void ConfigurationDoc_HasARowForEveryKeyOfTheTable(string componentType)
    {
        var section = Section(componentType);

        var missing = Table(componentType).Keys.Where(k => !section.Contains($"| `{k.Name}`", StringComparison.Ordinal)).Select(k => k.Name).ToList();

        Assert.True(missing.Count == 0, $"docs/configuration.md has no row for {string.Join(", ", missing)} under #### `{componentType}`");
    }

    [Theory]
    [MemberData(nameof(ComponentTypes))]
    public void ConfigurationDoc_AcceptedKeys_AreMarkedAsWarnings(string componentType)
    {
        var section = Section(componentType);

        Assert.All(
            Table(componentType).Keys.Where(k => k.Status == MetadataKeyStatus.Accepted),
            k => Assert.Contains(section.Split('\n'), line => line.StartsWith($"| `{k.Name}`", StringComparison.Ordinal) && line.Contains("warning", StringComparison.Ordinal)));
    }

    private static MetadataTable Table(string componentType) => componentType switch
    {
        InMemoryMetadataSchema.ComponentType => InMemoryMetadataSchema.Table,
        RedisMetadataSchema.ComponentType => RedisMetadataSchema.Table,
        _ => KafkaMetadataSchema.Table,
    };

    private static string Section(string componentType)
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "Gateway.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("Gateway.sln not found above the test binaries.");
        }

        var text = File.ReadAllText(Path.Combine(directory, "docs", "configuration.md"));
        var start = text.IndexOf($"#### `{componentType}`", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/configuration.md has no section #### `{componentType}`");
        var end = text.IndexOf("\n#", start + 5, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
