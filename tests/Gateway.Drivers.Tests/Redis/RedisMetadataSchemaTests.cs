using Gateway.Drivers.MetadataParsing;
using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.MetadataParsing;

namespace Gateway.Drivers.Tests.Redis;

public sealed class RedisMetadataSchemaTests : DriverKeyTableContract<RedisOptions>
{
    protected override MetadataTable Table => RedisMetadataSchema.Table;

    protected override Dictionary<string, string> Required => new() { ["redisHost"] = "localhost" };

    protected override RedisOptions Defaults => new() { RedisHost = "localhost" };

    protected override RedisOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems) =>
        RedisOptionsParser.Parse(metadata, out problems);

    [Fact]
    public void Schema_HonoursExactlyTheOptionKeys()
    {
        var declared = typeof(RedisOptions).GetFields()
            .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(
            declared.Order(StringComparer.Ordinal),
            RedisMetadataSchema.Keys.Where(k => k.Status == MetadataKeyStatus.Honoured).Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_SecretKeys_AreThePasswordsAndTheKeys() =>
        Assert.Equal(
            [RedisOptions.ClientKeyKey, "oidcClientAssertionKey", RedisOptions.RedisPasswordKey, RedisOptions.SentinelPasswordKey],
            RedisMetadataSchema.Keys.Where(k => k.IsSecret).Select(k => k.Name).Order(StringComparer.Ordinal));
}
