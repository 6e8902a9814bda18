using System.Text;
using Gateway.Drivers.Tests.Conformance;

namespace Gateway.Drivers.Tests.InMemory;

/// <summary>Behaviour of the in-memory broker beyond what every driver shares.</summary>
public sealed class InMemoryDriverTests
{
    [Fact]
    public async Task MessageIds_AreASequencePerTopic()
    {
        await using var scope = new InMemoryDriverScope();
        var (orders, invoices) = (InMemoryDriverScope.UniqueName("orders"), InMemoryDriverScope.UniqueName("invoices"));
        var (fromOrders, fromInvoices) = (new ReceivedMessages(), new ReceivedMessages());
        await scope.SubscribeAsync(orders, "billing", fromOrders.Acknowledging);
        await scope.SubscribeAsync(invoices, "billing", fromInvoices.Acknowledging);

        foreach (var text in new[] { "o1", "o2", "o3" })
        {
            await scope.PublishAsync(orders, text);
        }

        await scope.PublishAsync(invoices, "i1");

        await scope.WaitUntilAsync(() => fromOrders.Count == 3 && fromInvoices.Count == 1, () => $"{fromOrders.Describe()}; {fromInvoices.Describe()}");
        Assert.Equal(["1", "2", "3"], fromOrders.All.Select(m => m.Id));
        Assert.Equal("1", Assert.Single(fromInvoices.All).Id);
    }

    [Fact]
    public async Task Publish_CallerReusesItsBuffer_StoredDataIsUnchanged()
    {
        await using var scope = new InMemoryDriverScope();
        var topic = InMemoryDriverScope.UniqueName("topic");
        var received = new ReceivedMessages();
        await scope.CreateIdleGroupAsync(topic, "billing");
        var buffer = Encoding.UTF8.GetBytes("original");
        await scope.Driver.PublishAsync(new PublishRequest(topic, buffer, null, new Dictionary<string, string>()), CancellationToken.None);

        Encoding.UTF8.GetBytes("scribble", buffer);
        await scope.SubscribeAsync(topic, "billing", received.Acknowledging);

        await scope.WaitUntilAsync(() => received.Count == 1, received.Describe);
        Assert.Equal(["original"], received.Texts);
        Assert.Null(received.All[0].ContentType);
    }

    [Fact]
    public async Task RedeliveryDelay_IsMeasuredOnTheContextClock()
    {
        var clock = new ManualTimeProvider();
        await using var scope = new InMemoryDriverScope(new() { ["redeliveryDelay"] = "5m" }, clock);
        var topic = InMemoryDriverScope.UniqueName("topic");
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(topic, "billing", (message, _) =>
        {
            received.Add(message);
            return ValueTask.FromResult(message.DeliveryCount == 1 ? MessageOutcome.Redeliver : MessageOutcome.Acknowledge);
        });
        await scope.PublishAsync(topic, "later");

        await scope.WaitUntilAsync(() => clock.ArmedTimersDueIn.Contains(TimeSpan.FromMinutes(5)), () => $"timers armed: [{string.Join(", ", clock.ArmedTimersDueIn)}]");
        Assert.Equal(1, received.Count);
        clock.Advance(TimeSpan.FromMinutes(5));

        await scope.WaitUntilAsync(() => received.Count == 2, received.Describe);
        Assert.Equal([1, 2], received.All.Select(m => m.DeliveryCount));
    }

    [Fact]
    public async Task SubscriptionDisposed_MessageInFlightReturnsToTheGroupCountedAsDelivered()
    {
        await using var scope = new InMemoryDriverScope(new() { ["redeliveryDelay"] = "1h" });
        var topic = InMemoryDriverScope.UniqueName("topic");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await scope.SubscribeAsync(topic, "billing", async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return MessageOutcome.Acknowledge;
        });
        await scope.PublishAsync(topic, "in-flight");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await first.DisposeAsync();

        // Handed straight back, not after the hour-long redelivery delay: the member left, it did not refuse.
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(topic, "billing", received.Acknowledging);
        await scope.WaitUntilAsync(() => received.Count == 1, received.Describe);
        Assert.Equal(2, received.All[0].DeliveryCount);
    }

    [Fact]
    public async Task Disposed_PublishAndSubscribeFailWithTransientError()
    {
        var scope = new InMemoryDriverScope();
        await scope.DisposeAsync();

        var publishError = await Assert.ThrowsAsync<DriverException>(() => scope.PublishAsync("topic", "late").AsTask());
        var subscribeError = await Assert.ThrowsAsync<DriverException>(() => scope.SubscribeAsync("topic", "billing", new ReceivedMessages().Acknowledging));

        Assert.True(publishError.IsTransient);
        Assert.True(subscribeError.IsTransient);
        Assert.StartsWith($"component '{scope.ComponentName}' (pubsub.in-memory): ", publishError.Message);
    }

    [Fact]
    public async Task Subscribe_MaxConcurrencyBelowOne_IsRejected()
    {
        await using var scope = new InMemoryDriverScope();
        var request = new SubscribeRequest("topic", "billing", new Dictionary<string, string>(), MaxConcurrency: 0);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => scope.Driver.SubscribeAsync(request, new ReceivedMessages().Acknowledging, CancellationToken.None).AsTask());
    }
}
