using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Tests.MetadataParsing;

/// <summary>The key policy every driver shares, through a small table of its own.</summary>
public sealed class MetadataTableTests
{
    private static readonly MetadataTable Table = new("pubsub.test",
    [
        MetadataKey.Honoured("consumerGroup", "", "The group."),
        MetadataKey.Honoured("excludeHeaderMetaRegex", "", "A regex."),
        MetadataKey.Honoured("saslPassword", "", "A password.", secret: true),
        MetadataKey.Accepted("schemaRegistryURL", "Avro is not built."),
        MetadataKey.Accepted("oidcClientSecret", "OIDC is not built.", secret: true),
        MetadataKey.Deprecated("authRequired", "authType", "Old switch."),
    ]);

    [Fact]
    public void Read_HonouredKeysInAnyCase_AreHandedToTheDriverWithoutProblems()
    {
        var applied = new List<(string Name, string Written, string Value)>();

        var reading = Table.Read(new Dictionary<string, string> { ["CONSUMERGROUP"] = "billing", ["saslPassword"] = "s3cret" }, e => applied.Add((e.Name, e.WrittenName, e.Value)));

        Assert.Empty(reading.Problems);
        Assert.Equal([("consumerGroup", "CONSUMERGROUP", "billing"), ("saslPassword", "saslPassword", "s3cret")], applied);
        Assert.Equal("CONSUMERGROUP", reading.Written("consumerGroup"));
        Assert.True(reading.Has("consumergroup"));
    }

    [Fact]
    public void Read_AcceptedKey_IsAWarningSayingWhyAndNeverReachesTheDriver()
    {
        var applied = 0;

        var reading = Table.Read(new Dictionary<string, string> { ["schemaRegistryURL"] = "http://registry:8081" }, _ => applied++);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("schemaRegistryURL", MetadataSeverity.Warning), (problem.Key, problem.Severity));
        Assert.Equal("metadata 'schemaRegistryURL' is accepted but has no effect here: Avro is not built.", problem.Message);
        Assert.Equal(0, applied);
        Assert.False(reading.HasErrors);
    }

    [Fact]
    public void Read_DeprecatedKey_IsHonouredWithAWarningNamingTheNewKey()
    {
        var applied = new List<string>();

        var reading = Table.Read(new Dictionary<string, string> { ["authRequired"] = "true" }, e => applied.Add(e.Name));

        Assert.Equal(["authRequired"], applied);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(MetadataSeverity.Warning, problem.Severity);
        Assert.Contains("deprecated", problem.Message, StringComparison.Ordinal);
        Assert.Contains("use 'authType'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("consumerGrop", "consumerGroup")]
    [InlineData("ConsumerGroupp", "consumerGroup")]
    [InlineData("excludeMetaHeaderRegex", "excludeHeaderMetaRegex")]
    [InlineData("schemaRegistryUrI", "schemaRegistryURL")]
    [InlineData("publishingScope", "publishingScopes")]
    public void Read_UnknownKeyNearAKnownOne_IsAWarningNamingIt(string key, string nearest)
    {
        var reading = Table.Read(new Dictionary<string, string> { [key] = "x" }, _ => Assert.Fail("an unknown key reached the driver"));

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((key, MetadataSeverity.Warning), (problem.Key, problem.Severity));
        Assert.Equal($"metadata '{key}' is not a pubsub.test setting and has no effect; did you mean '{nearest}'?", problem.Message);
    }

    [Fact]
    public void Read_UnknownKeyNearNothing_IsAWarningListingTheKnownKeys()
    {
        var reading = Table.Read(new Dictionary<string, string> { ["colour"] = "blue" }, _ => { });

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(MetadataSeverity.Warning, problem.Severity);
        Assert.StartsWith("metadata 'colour' is not a pubsub.test setting and has no effect; the known keys are 'consumerGroup', ", problem.Message);
    }

    [Fact]
    public void Read_KeyInTwoSpellings_IsAnErrorOnTheSecond()
    {
        var reading = Table.Read(new Dictionary<string, string> { ["consumerGroup"] = "a", ["CONSUMERGROUP"] = "b" }, _ => { });

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("CONSUMERGROUP", MetadataSeverity.Error), (problem.Key, problem.Severity));
        Assert.Contains("repeats 'consumerGroup'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GatewayRuntimeKeys_AreSkipped()
    {
        var metadata = RuntimeMetadataKeys.All.ToDictionary(k => k.ToUpperInvariant(), _ => "app=orders");

        var reading = Table.Read(metadata, _ => Assert.Fail("a runtime key reached the driver"));

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void Read_SecretValues_NeverAppearInAnyMessage()
    {
        var metadata = new Dictionary<string, string> { ["saslPassword"] = "hunter2-a", ["oidcClientSecret"] = "hunter2-b", ["SASLPASSWORD"] = "hunter2-c" };

        var reading = Table.Read(metadata, e => e.Reject("a password the broker accepts"));

        Assert.Equal(3, reading.Problems.Count);
        Assert.All(reading.Problems, p => Assert.DoesNotContain("hunter2", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Require_MissingKey_IsAnErrorSayingWhatToSet()
    {
        var reading = Table.Read(new Dictionary<string, string>(), _ => { });

        reading.Require("consumerGroup", "the group to join");

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("consumerGroup", "metadata 'consumerGroup' is required: the group to join."), (problem.Key, problem.Message));
        Assert.True(reading.HasErrors);
    }

    [Fact]
    public void InvalidMetadata_ListsErrorsOnlyEachNamingTheComponent()
    {
        MetadataProblem[] problems = [new("a", "metadata 'a' is bad."), new("b", "metadata 'b' is odd.", MetadataSeverity.Warning)];

        Assert.Equal("component 'orders' (pubsub.test): metadata 'a' is bad.", MetadataMessages.InvalidMetadata("orders", "pubsub.test", problems));
    }

    [Fact]
    public void Table_SameNameTwice_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new MetadataTable("pubsub.test", [MetadataKey.Honoured("a", "", "x"), MetadataKey.Honoured("A", "", "y")]));
}
