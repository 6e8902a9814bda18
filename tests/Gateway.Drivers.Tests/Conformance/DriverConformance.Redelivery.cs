namespace Gateway.Drivers.Tests.Conformance;

/// <summary>Redelivery: a message without a final outcome is never lost.</summary>
public abstract partial class DriverConformance
{
    [Fact]
    public async Task Handler_ReturnsRedeliver_MessageIsDeliveredAgainWithHigherDeliveryCount()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        await SubscribeAsync(driver, topic, group, (message, _) =>
        {
            received.Add(message);
            return ValueTask.FromResult(received.Count == 1 ? MessageOutcome.Redeliver : MessageOutcome.Acknowledge);
        });

        await PublishTextAsync(driver, topic, "try-again");

        await WaitUntilAsync(() => received.Count >= 2, received.Describe, afterRedelivery: true);
        var (first, second) = (received.All[0], received.All[1]);
        Assert.Equal(["try-again", "try-again"], received.Texts.Take(2));
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.DeliveryCount > first.DeliveryCount, $"delivery counts were {first.DeliveryCount} then {second.DeliveryCount}");
    }

    [Fact]
    public async Task Handler_Throws_MessageIsDeliveredAgain()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        await SubscribeAsync(driver, topic, group, (message, _) =>
        {
            received.Add(message);
            return received.Count == 1
                ? throw new InvalidOperationException("the application is down")
                : ValueTask.FromResult(MessageOutcome.Acknowledge);
        });

        await PublishTextAsync(driver, topic, "after-failure");

        await WaitUntilAsync(() => received.Count >= 2, received.Describe, afterRedelivery: true);
        Assert.Equal(["after-failure", "after-failure"], received.Texts.Take(2));
        Assert.Equal(received.All[0].Id, received.All[1].Id);
    }

    [Fact]
    public async Task Subscription_DisposedWhileHandlerInFlight_CancelsItAndTheGroupsNextMemberReceivesTheMessage()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await SubscribeAsync(driver, topic, group, async (_, cancellationToken) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return MessageOutcome.Acknowledge;
        });
        await PublishTextAsync(driver, topic, "in-flight");
        await started.Task.WaitAsync(DeliveryTimeout);

        await first.DisposeAsync();

        Assert.True(cancelled.Task.IsCompleted, "the handler in flight was not cancelled before DisposeAsync returned");
        var next = new ReceivedMessages();
        await SubscribeAsync(driver, topic, group, next.Acknowledging);
        await WaitUntilAsync(() => next.Contains("in-flight"), next.Describe, afterRedelivery: true);
    }

    [Fact]
    public async Task Driver_Disposed_CancelsHandlersInFlightAndWaitsForThem()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SubscribeAsync(driver, topic, group, async (_, cancellationToken) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return MessageOutcome.Acknowledge;
            }
            finally
            {
                // Yield once more so a driver that does not wait for its handlers is caught out.
                await Task.Yield();
                finished.TrySetResult();
            }
        });
        await PublishTextAsync(driver, topic, "in-flight");
        await started.Task.WaitAsync(DeliveryTimeout);

        await driver.DisposeAsync();

        Assert.True(finished.Task.IsCompleted, "DisposeAsync returned while a handler was still running");
    }
}
