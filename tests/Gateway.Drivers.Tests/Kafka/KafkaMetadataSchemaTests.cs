using Gateway.Drivers.Kafka;
using Gateway.Drivers.MetadataParsing;
using Gateway.Drivers.Tests.MetadataParsing;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class KafkaMetadataSchemaTests : DriverKeyTableContract<KafkaOptions>
{
    protected override MetadataTable Table => KafkaMetadataSchema.Table;

    protected override Dictionary<string, string> Required => new() { ["brokers"] = "localhost:9092", ["authType"] = "none" };

    protected override KafkaOptions Defaults => new() { Brokers = "localhost:9092" };

    protected override KafkaOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems) =>
        KafkaOptionsParser.Parse(metadata, out problems);

    [Fact]
    public void Keys_MarkedSecret_AreThePasswordsKeysAndTokens()
    {
        Assert.Equal(
            ["awsSecretKey", "awsSessionToken", KafkaMetadataSchema.ClientKey, "oidcClientAssertionKey", "oidcClientSecret", KafkaMetadataSchema.SaslPassword, "schemaRegistryAPISecret", "secretKey", "sessionToken"],
            KafkaMetadataSchema.Keys.Where(k => k.IsSecret).Select(k => k.Name).Order(StringComparer.Ordinal));
    }
}
