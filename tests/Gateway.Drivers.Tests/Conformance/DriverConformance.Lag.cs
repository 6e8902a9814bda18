namespace Gateway.Drivers.Tests.Conformance;

/// <summary>The consumer-lag capability: messages waiting for a group show as lag, and the lag drains.</summary>
public abstract partial class DriverConformance
{
    [Fact]
    public async Task ConsumerLag_WhileMessagesWaitBehindAHeldHandler_IsPositive_ThenDrainsToZero()
    {
        var driver = await NewDriverAsync();
        var lagging = Assert.IsAssignableFrom<IConsumerLag>(driver);
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        await SubscribeAsync(driver, topic, group, async (message, cancellationToken) =>
        {
            Interlocked.Increment(ref running);
            await release.Task.WaitAsync(DeliveryTimeout, cancellationToken);
            received.Add(message);
            return MessageOutcome.Acknowledge;
        });

        for (var i = 1; i <= 5; i++)
        {
            await PublishTextAsync(driver, topic, $"lag-{i}");
        }

        await WaitUntilAsync(() => Volatile.Read(ref running) >= 1, () => "the handler never ran");
        await WaitForLagAsync(lagging, topic, group, lag => lag > 0, "while messages waited");
        Assert.Null(await lagging.GetLagAsync(topic, UniqueName("no-such-group"), CancellationToken.None));

        release.TrySetResult();
        await WaitUntilAsync(() => received.DistinctTextCount == 5, received.Describe);
        await WaitForLagAsync(lagging, topic, group, lag => lag == 0, "after every message was acknowledged");
    }

    private async Task WaitForLagAsync(IConsumerLag lagging, string topic, string group, Func<long?, bool> expected, string when)
    {
        var deadline = DateTime.UtcNow + DeliveryTimeout;
        long? lag;
        while (!expected(lag = await lagging.GetLagAsync(topic, group, CancellationToken.None)))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"consumer lag was {lag?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} {when}");
            }

            await Task.Delay(50);
        }
    }
}
