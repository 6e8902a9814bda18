using System.Text;
using Gateway.Resources;
using Gateway.Subscriptions;

namespace Gateway.Tests.Subscriptions;

/// <summary><c>bulkSubscribe</c> as programmatic subscriptions, the runtime JSON and declarative resources carry it.</summary>
public sealed class BulkSubscribeOptionsTests
{
    [Theory]
    [InlineData("""{"enabled":true,"maxMessagesCount":10}""", true, 10, 1000)]
    [InlineData("""{"enabled":true,"maxMessagesCount":5,"maxAwaitDurationMs":200}""", true, 5, 200)]
    [InlineData("""{"Enabled":false,"MAXMESSAGESCOUNT":0,"maxAwaitDurationMs":0}""", false, 100, 1000)]
    [InlineData("{}", false, 100, 1000)]
    public void Programmatic_BulkSubscribe_IsReadWithDaprDefaults(string bulk, bool enabled, int maxMessagesCount, int maxAwaitDurationMs)
    {
        var definition = ParseOne($$"""[{"pubsubname":"p","topic":"t","route":"/t","bulkSubscribe":{{bulk}}}]""");

        Assert.Equal(new BulkSubscribeOptions(enabled, maxMessagesCount, maxAwaitDurationMs), definition.BulkSubscribe);
    }

    [Fact]
    public void Programmatic_WithoutBulkSubscribe_HasNone()
    {
        Assert.Null(ParseOne("""[{"pubsubname":"p","topic":"t","route":"/t"}]""").BulkSubscribe);
    }

    [Theory]
    [InlineData("""{"enabled":"yes"}""", "bulkSubscribe.enabled")]
    [InlineData("""{"enabled":true,"maxMessagesCount":"10"}""", "bulkSubscribe.maxMessagesCount")]
    [InlineData("""{"enabled":true,"maxAwaitDurationMs":1.5}""", "bulkSubscribe.maxAwaitDurationMs")]
    [InlineData("true", "'bulkSubscribe' must be an object")]
    public void Programmatic_BulkSubscribeOfTheWrongType_FailsTheAnswer(string bulk, string named)
    {
        var json = $$"""[{"pubsubname":"p","topic":"t","route":"/t","bulkSubscribe":{{bulk}}}]""";

        Assert.False(ProgrammaticSubscriptionParser.TryParse(Encoding.UTF8.GetBytes(json), "default", out _, out _, out var error));
        Assert.Contains(named, error);
    }

    [Fact]
    public void SubscriptionJson_WritesBulkSubscribe_SoItReadsBackTheSame()
    {
        var original = ParseOne("""[{"pubsubname":"p","topic":"t","route":"/t","bulkSubscribe":{"enabled":true,"maxMessagesCount":7,"maxAwaitDurationMs":30}}]""");

        var again = ParseOne(Encoding.UTF8.GetString(SubscriptionJson.ToArray([original])));

        Assert.Equal(original.BulkSubscribe, again.BulkSubscribe);
        Assert.Equal(original.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void Fingerprint_ChangesWithBulkSubscribe_SoTheSubscriptionRestarts()
    {
        var single = ParseOne("""[{"pubsubname":"p","topic":"t","route":"/t"}]""");

        Assert.NotEqual(single.Fingerprint, (single with { BulkSubscribe = new BulkSubscribeOptions(true, 100, 1000) }).Fingerprint);
        Assert.NotEqual(
            (single with { BulkSubscribe = new BulkSubscribeOptions(true, 100, 1000) }).Fingerprint,
            (single with { BulkSubscribe = new BulkSubscribeOptions(true, 50, 1000) }).Fingerprint);
    }

    [Fact]
    public void FromSpec_CarriesTheResourcesBulkSubscribe()
    {
        var spec = new BulkSubscribeSpec(true, 5, 200);

        Assert.Equal(new BulkSubscribeOptions(true, 5, 200), BulkSubscribeOptions.FromSpec(spec));
        Assert.Null(BulkSubscribeOptions.FromSpec(null));
    }

    private static SubscriptionDefinition ParseOne(string json)
    {
        Assert.True(ProgrammaticSubscriptionParser.TryParse(Encoding.UTF8.GetBytes(json), "default", out var definitions, out _, out var error), error);
        return Assert.Single(definitions);
    }
}
