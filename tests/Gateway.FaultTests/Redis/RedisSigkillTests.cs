using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Redis;

/// <summary>
/// The gateway process killed with SIGKILL mid-stream over <c>pubsub.redis</c> against a real
/// <c>redis-server</c>: entries the dead consumer held stay pending and are claimed again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisSigkillTests(FaultPki pki, ITestOutputHelper output)
{
    private const int Messages = 300;

    [Fact]
    public async Task GatewayKilledMidStream_EveryAcceptedPublishIsDeliveredAfterRestart()
    {
        await using var redis = await RedisServer.StartAsync();

        var outcome = await SigkillScenario.RunAsync(pki, "pubsub.redis", RedisComponent(redis.Address), Messages, killAfterDelivered: Messages / 3, output);

        Assert.Empty(outcome.Missing);
        Assert.True(outcome.Accepted >= Messages / 3, $"only {outcome.Accepted} publishes got 204");
        Assert.True(outcome.DeliveredAtKill < outcome.Accepted, "the kill came after every accepted message was delivered, so it proved nothing");
    }

    internal static string RedisComponent(string address) =>
        TestAssets.Yaml("components/redis-faults.yaml", new { name = ResourceFolder.ComponentName, redisHost = address });
}
