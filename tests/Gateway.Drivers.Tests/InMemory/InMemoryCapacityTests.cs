using Gateway.Drivers.InMemory;
using Gateway.Drivers.Tests.Conformance;

namespace Gateway.Drivers.Tests.InMemory;

/// <summary><c>maxPendingMessages</c>: memory stays bounded, and a full broker says so instead of losing messages.</summary>
public sealed class InMemoryCapacityTests
{
    [Fact]
    public async Task Publish_BeyondMaxPendingMessages_ThrowsTransientErrorNamingComponentBoundAndKey()
    {
        await using var scope = new InMemoryDriverScope(new() { ["maxPendingMessages"] = "2" });
        var topic = InMemoryDriverScope.UniqueName("topic");
        await scope.CreateIdleGroupAsync(topic, "billing");
        await scope.PublishAsync(topic, "one");
        await scope.PublishAsync(topic, "two");

        var error = await Assert.ThrowsAsync<DriverException>(() => scope.PublishAsync(topic, "three").AsTask());

        Assert.True(error.IsTransient);
        Assert.StartsWith($"component '{scope.ComponentName}' (pubsub.in-memory): ", error.Message);
        Assert.Contains("bound of 2 unacknowledged messages", error.Message);
        Assert.Contains("metadata 'maxPendingMessages'", error.Message);
        Assert.Equal(2, scope.Driver.PendingMessages);
    }

    [Fact]
    public async Task Acknowledging_FreesCapacityForLaterPublishes()
    {
        await using var scope = new InMemoryDriverScope(new() { ["maxPendingMessages"] = "2" });
        var topic = InMemoryDriverScope.UniqueName("topic");
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(topic, "billing", received.Acknowledging);

        for (var round = 1; round <= 3; round++)
        {
            await scope.PublishAsync(topic, $"round-{round}-a");
            await scope.PublishAsync(topic, $"round-{round}-b");
            await scope.WaitUntilAsync(() => scope.Driver.PendingMessages == 0, () => $"{scope.Driver.PendingMessages} still pending; {received.Describe()}");
        }

        Assert.Equal(6, received.DistinctTextCount);
    }

    [Fact]
    public async Task Publish_ThatDoesNotFitForEveryGroup_IsStoredForNone()
    {
        await using var scope = new InMemoryDriverScope(new() { ["maxPendingMessages"] = "3" });
        var topic = InMemoryDriverScope.UniqueName("topic");
        await scope.CreateIdleGroupAsync(topic, "billing");
        await scope.CreateIdleGroupAsync(topic, "shipping");
        await scope.PublishAsync(topic, "fits");

        await Assert.ThrowsAsync<DriverException>(() => scope.PublishAsync(topic, "does-not-fit").AsTask());

        var (billing, shipping) = (new ReceivedMessages(), new ReceivedMessages());
        await scope.SubscribeAsync(topic, "billing", billing.Acknowledging);
        await scope.SubscribeAsync(topic, "shipping", shipping.Acknowledging);
        await scope.WaitUntilAsync(() => scope.Driver.PendingMessages == 0, () => $"{scope.Driver.PendingMessages} still pending");
        await scope.PublishAsync(topic, "later");
        await scope.WaitUntilAsync(() => billing.Contains("later") && shipping.Contains("later"), () => $"billing {billing.Describe()}; shipping {shipping.Describe()}");
        Assert.Equal(["fits", "later"], billing.Texts);
        Assert.Equal(["fits", "later"], shipping.Texts);
    }

    [Fact]
    public async Task BulkPublish_BeyondMaxPendingMessages_ReportsOnlyTheEntriesThatDidNotFit()
    {
        await using var scope = new InMemoryDriverScope(new() { ["maxPendingMessages"] = "2" });
        var topic = InMemoryDriverScope.UniqueName("topic");
        await scope.CreateIdleGroupAsync(topic, "billing");
        var entries = new[] { "first", "second", "third" }
            .Select(id => new BulkPublishEntry(id, InMemoryDriverScope.Text(topic, id)))
            .ToList();

        var failures = await scope.Driver.PublishBulkAsync(entries, CancellationToken.None);

        var failure = Assert.Single(failures);
        Assert.Equal("third", failure.EntryId);
        Assert.True(failure.Error.IsTransient);
        Assert.Contains("maxPendingMessages", failure.Error.Message);
        Assert.Equal(2, scope.Driver.PendingMessages);
    }

    [Fact]
    public async Task Publish_ToTopicWithoutGroup_SucceedsTakesNoCapacityAndIsNeverDelivered()
    {
        await using var scope = new InMemoryDriverScope(new() { [InMemoryOptions.MaxPendingMessagesKey] = "1" });
        var topic = InMemoryDriverScope.UniqueName("topic");
        for (var i = 0; i < 5; i++)
        {
            await scope.PublishAsync(topic, "nobody-listens");
        }

        Assert.Equal(0, scope.Driver.PendingMessages);
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(topic, "billing", received.Acknowledging);
        await scope.PublishAsync(topic, "first-with-a-group");
        await scope.WaitUntilAsync(() => received.Contains("first-with-a-group"), received.Describe);
        Assert.Equal(["first-with-a-group"], received.Texts);
    }
}
