using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class KafkaMetadataSchemaTests
{
    [Fact]
    public void Defaults_WrittenInTheSchema_ParseToTheOptionsDefaults()
    {
        var metadata = KafkaMetadataSchema.Keys
            .Where(k => k.DefaultValue.Length > 0)
            .ToDictionary(k => k.Name, k => k.DefaultValue);
        metadata[KafkaMetadataSchema.Brokers] = "localhost:9092";
        metadata[KafkaMetadataSchema.AuthType] = "none";

        var parsed = KafkaOptionsParser.Parse(metadata, out var problems);

        Assert.Empty(problems);
        var defaults = new KafkaOptions { Brokers = "localhost:9092" };
        foreach (var property in typeof(KafkaOptions).GetProperties())
        {
            Assert.True(Equals(property.GetValue(defaults), property.GetValue(parsed)), $"{property.Name}: the schema's default parses to {property.GetValue(parsed)}, the options default is {property.GetValue(defaults)}");
        }
    }

    [Fact]
    public void Keys_AreUniqueCaseInsensitivelyAndDescribed()
    {
        Assert.Equal(KafkaMetadataSchema.Keys.Count, KafkaMetadataSchema.Keys.Select(k => k.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(KafkaMetadataSchema.Keys, k => Assert.False(string.IsNullOrWhiteSpace(k.Description)));
    }

    [Fact]
    public void Keys_MarkedSecret_AreThePasswordAndThePrivateKey()
    {
        Assert.Equal(
            [KafkaMetadataSchema.ClientKey, KafkaMetadataSchema.SaslPassword],
            KafkaMetadataSchema.Keys.Where(k => k.IsSecret).Select(k => k.Name).Order(StringComparer.Ordinal));
    }
}
