using System.Text;
using Gateway.Subscriptions;

using Gateway.Resources;

namespace Gateway.Tests.Subscriptions;

public sealed class RuntimeSubscriptionCodecTests
{
    private static RuntimeSubscriptionRecord Record(string topic = "jobs/with/slashes") => new(
        new AppKey("team-a", "worker"),
        new SubscriptionDefinition(null, "team-a", "shared", topic,
            [new SubscriptionRule("event.type == \"x\"", "/x"), new SubscriptionRule(null, "/jobs")],
            "jobs-dead", new Dictionary<string, string> { ["rawPayload"] = "true" }, [], SubscriptionType.Programmatic));

    [Fact]
    public void Encode_ThenDecode_GivesTheSameSubscription()
    {
        var record = Record();

        Assert.True(RuntimeSubscriptionCodec.TryDecode(record.Key, RuntimeSubscriptionCodec.Encode(record), out var decoded, out var error), error);

        Assert.Equal(record.App, decoded!.App);
        Assert.Equal(record.Definition.Fingerprint, decoded.Definition.Fingerprint);
        Assert.Equal("team-a", decoded.Definition.Namespace);
    }

    [Fact]
    public void Key_NamesEveryPartUnambiguously()
    {
        Assert.Equal("""["team-a","worker","shared","jobs/with/slashes"]""", Record().Key);
        Assert.NotEqual(
            RuntimeSubscriptionRecord.KeyOf(new AppKey("a/b", "c"), "p", "t"),
            RuntimeSubscriptionRecord.KeyOf(new AppKey("a", "b/c"), "p", "t"));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"namespace":"team-a","appId":"worker"}""", "needs 'namespace', 'appId' and 'subscription'")]
    [InlineData("""{"namespace":"team-a","appId":"worker","subscription":{"pubsubname":"shared","topic":"jobs"}}""", "no route")]
    [InlineData("""{"namespace":"team-a","appId":"worker","subscription":{"pubsubname":"shared","topic":"jobs","route":"/j","routes":{"rules":[{"match":"event.type = 1","path":"/a"}]}}}""", "jobs")]
    public void Decode_NotARecordThisGatewayWrote_IsRefusedWithAReason(string value, string reason)
    {
        Assert.False(RuntimeSubscriptionCodec.TryDecode("key", Encoding.UTF8.GetBytes(value), out var record, out var error));

        Assert.Null(record);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnderAnotherKey_IsRefused()
    {
        var record = Record();

        Assert.False(RuntimeSubscriptionCodec.TryDecode(Record("other").Key, RuntimeSubscriptionCodec.Encode(record), out _, out var error));

        Assert.Contains(record.Key, error, StringComparison.Ordinal);
    }
}
