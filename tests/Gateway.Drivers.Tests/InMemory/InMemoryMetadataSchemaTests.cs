using Gateway.Drivers.InMemory;

namespace Gateway.Drivers.Tests.InMemory;

public sealed class InMemoryMetadataSchemaTests
{
    [Fact]
    public void Schema_ListsExactlyTheOptionKeys()
    {
        Assert.Equal(
            [InMemoryOptions.MaxPendingMessagesKey, InMemoryOptions.RedeliveryDelayKey],
            InMemoryMetadataSchema.Keys.Select(k => k.Name));
    }

    [Fact]
    public void Schema_DocumentedDefaults_ParseToTheOptionsDefaults()
    {
        var written = InMemoryMetadataSchema.Keys.ToDictionary(k => k.Name, k => k.DefaultValue);

        var options = InMemoryOptionsParser.Parse(written, out var problems);

        Assert.Empty(problems);
        var defaults = new InMemoryOptions();
        Assert.Equal(defaults.MaxPendingMessages, options.MaxPendingMessages);
        Assert.Equal(defaults.RedeliveryDelay, options.RedeliveryDelay);
    }

    [Fact]
    public void Schema_EveryKey_IsDescribed() =>
        Assert.All(InMemoryMetadataSchema.Keys, k => Assert.False(string.IsNullOrWhiteSpace(k.Description), k.Name));
}
