using Gateway.Drivers.InMemory;
using Gateway.Drivers.MetadataParsing;
using Gateway.Drivers.Tests.MetadataParsing;

namespace Gateway.Drivers.Tests.InMemory;

public sealed class InMemoryMetadataSchemaTests : DriverKeyTableContract<InMemoryOptions>
{
    protected override MetadataTable Table => InMemoryMetadataSchema.Table;

    protected override Dictionary<string, string> Required => [];

    protected override InMemoryOptions Defaults => new();

    protected override InMemoryOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems) =>
        InMemoryOptionsParser.Parse(metadata, out problems);

    [Fact]
    public void Schema_ListsExactlyTheOptionKeys()
    {
        Assert.Equal(
            [InMemoryOptions.MaxPendingMessagesKey, InMemoryOptions.RedeliveryDelayKey],
            InMemoryMetadataSchema.Keys.Select(k => k.Name));
    }
}
