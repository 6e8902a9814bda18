using Gateway.Drivers.Redis;

namespace Gateway.Drivers.Tests.Redis;

public sealed class RedisMetadataSchemaTests
{
    [Fact]
    public void Schema_ListsExactlyTheOptionKeys()
    {
        var declared = typeof(RedisOptions).GetFields()
            .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(declared.Order(StringComparer.Ordinal), RedisMetadataSchema.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_DocumentedDefaults_ParseToTheOptionsDefaults()
    {
        var written = RedisMetadataSchema.Keys.Where(k => k.DefaultValue.Length > 0).ToDictionary(k => k.Name, k => k.DefaultValue);
        written[RedisOptions.RedisHostKey] = "localhost";

        var options = RedisOptionsParser.Parse(written, out var problems);

        Assert.Empty(problems);
        var defaults = new RedisOptions { RedisHost = "localhost" };
        Assert.Equal(defaults.ToString(), options.ToString());
        Assert.Equal((defaults.DialTimeout, defaults.ReadTimeout, defaults.InsecureSkipTlsVerify), (options.DialTimeout, options.ReadTimeout, options.InsecureSkipTlsVerify));
    }

    [Fact]
    public void Schema_SecretKeys_AreThePasswordAndTheClientKey() =>
        Assert.Equal([RedisOptions.RedisPasswordKey, RedisOptions.ClientKeyKey], RedisMetadataSchema.Keys.Where(k => k.IsSecret).Select(k => k.Name));

    [Fact]
    public void Schema_EveryKey_IsDescribed() =>
        Assert.All(RedisMetadataSchema.Keys, k => Assert.False(string.IsNullOrWhiteSpace(k.Description), k.Name));
}
