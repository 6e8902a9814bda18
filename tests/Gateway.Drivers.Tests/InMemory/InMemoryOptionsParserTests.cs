using Gateway.Drivers.InMemory;

namespace Gateway.Drivers.Tests.InMemory;

public sealed class InMemoryOptionsParserTests
{
    public static TheoryData<string> RuntimeKeys =>
        [.. RuntimeMetadataKeys.All, .. RuntimeMetadataKeys.All.Select(k => k.ToUpperInvariant())];

    [Fact]
    public void Parse_NoMetadata_GivesDocumentedDefaults()
    {
        var options = Parse([], out var problems);

        Assert.Empty(problems);
        Assert.Equal(100_000, options.MaxPendingMessages);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RedeliveryDelay);
    }

    [Theory]
    [InlineData("maxPendingMessages", "1", 1)]
    [InlineData("maxPendingMessages", "250000", 250_000)]
    [InlineData("MAXPENDINGMESSAGES", " 42 ", 42)]
    public void Parse_ValidMaxPendingMessages_IsUsed(string key, string value, int expected)
    {
        var options = Parse(new() { [key] = value }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, options.MaxPendingMessages);
    }

    [Theory]
    [InlineData("redeliveryDelay", "500ms", 500)]
    [InlineData("redeliveryDelay", "1s", 1000)]
    [InlineData("redeliveryDelay", "1.5s", 1500)]
    [InlineData("RedeliveryDelay", "1m30s", 90_000)]
    [InlineData("redeliverydelay", "0", 0)]
    public void Parse_ValidRedeliveryDelay_IsUsed(string key, string value, int expectedMilliseconds)
    {
        var options = Parse(new() { [key] = value }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.RedeliveryDelay);
    }

    [Theory]
    [InlineData("maxPendingMessages", "abc", "a whole number greater than zero")]
    [InlineData("maxPendingMessages", "0", "a whole number greater than zero")]
    [InlineData("maxPendingMessages", "-5", "a whole number greater than zero")]
    [InlineData("maxPendingMessages", "1.5", "a whole number greater than zero")]
    [InlineData("maxPendingMessages", "99999999999", "a whole number greater than zero")]
    [InlineData("MaxPendingMessages", "", "a whole number greater than zero")]
    [InlineData("redeliveryDelay", "abc", "a duration such as '100ms' or '1m'")]
    [InlineData("redeliveryDelay", "5", "a duration such as '100ms' or '1m'")]
    [InlineData("redeliveryDelay", "-1s", "a duration such as '100ms' or '1m'")]
    [InlineData("redeliveryDelay", "1sec", "a duration such as '100ms' or '1m'")]
    public void Parse_InvalidValue_IsOneProblemNamingKeyRequirementAndValue(string key, string value, string requirement)
    {
        Parse(new() { [key] = value }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal((key, MetadataSeverity.Error), (problem.Key, problem.Severity));
        Assert.Equal($"metadata '{key}' requires {requirement}; the value '{value}' is not recognised.", problem.Message);
    }

    [Fact]
    public void Parse_UnknownKey_IsAWarningNamingTheKnownKeys()
    {
        var options = Parse(new() { ["colour"] = "10" }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal(("colour", MetadataSeverity.Warning), (problem.Key, problem.Severity));
        Assert.Equal("metadata 'colour' is not a pubsub.in-memory setting and has no effect; the known keys are 'maxPendingMessages', 'redeliveryDelay'.", problem.Message);
        Assert.Equal(InMemoryOptions.DefaultMaxPendingMessages, options.MaxPendingMessages);
    }

    [Fact]
    public void Parse_MisspeltKey_IsAWarningNamingTheNearestKey()
    {
        Parse(new() { ["maxPendingMesages"] = "10" }, out var problems);

        Assert.Equal(
            "metadata 'maxPendingMesages' is not a pubsub.in-memory setting and has no effect; did you mean 'maxPendingMessages'?",
            Assert.Single(problems, p => p.Severity == MetadataSeverity.Warning).Message);
    }

    [Theory]
    [MemberData(nameof(RuntimeKeys))]
    public void Parse_GatewayRuntimeKey_IsIgnored(string key)
    {
        Parse(new() { [key] = "app1,app2" }, out var problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_SameKeyInTwoSpellings_IsAProblem()
    {
        Parse(new() { ["maxPendingMessages"] = "10", ["MAXPENDINGMESSAGES"] = "20" }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal("MAXPENDINGMESSAGES", problem.Key);
        Assert.Contains("'maxPendingMessages'", problem.Message);
    }

    [Fact]
    public void Parse_SeveralBadKeys_ReportsEveryOne()
    {
        Parse(new() { ["maxPendingMessages"] = "many", ["redeliveryDelay"] = "soon", ["colour"] = "blue" }, out var problems);

        Assert.Equal(["colour", "maxPendingMessages", "redeliveryDelay"], problems.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    private static InMemoryOptions Parse(Dictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems) =>
        InMemoryOptionsParser.Parse(metadata, out problems);
}
