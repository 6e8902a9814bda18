using System.Collections.Concurrent;

namespace Gateway.Drivers.Tests.Conformance;

/// <summary>Delivery: what reaches which consumer group, and unchanged.</summary>
public abstract partial class DriverConformance
{
    [Fact]
    public async Task Publish_ToSubscribedGroup_DeliversDataContentTypeAndMetadataUnchanged()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        var subscription = await SubscribeAsync(driver, topic, group, received.Acknowledging);
        byte[] data = [0x00, 0x7B, 0xFF, 0x22, 0xC3, 0xA9, 0x0A];
        var metadata = new Dictionary<string, string> { ["ttlInSeconds"] = "60", ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };

        await driver.PublishAsync(new PublishRequest(topic, data, "application/cloudevents+json", metadata), CancellationToken.None);

        await WaitUntilAsync(() => received.Count >= 1, received.Describe);
        var message = received.All[0];
        Assert.Equal((topic, group), (subscription.Topic, subscription.ConsumerGroup));
        Assert.Equal(topic, message.Topic);
        Assert.Equal(data, message.Data.ToArray());
        Assert.Equal("application/cloudevents+json", message.ContentType);
        Assert.All(metadata, entry => Assert.Equal(entry.Value, Assert.Contains(entry.Key, message.Metadata)));
        Assert.Equal(1, message.DeliveryCount);
        Assert.False(string.IsNullOrEmpty(message.Id));
    }

    [Fact]
    public async Task Publish_WithTwoGroups_EveryGroupReceivesEveryMessage()
    {
        var driver = await NewDriverAsync();
        var topic = UniqueName("topic");
        var (first, second) = (new ReceivedMessages(), new ReceivedMessages());
        await SubscribeAsync(driver, topic, UniqueName("group-a"), first.Acknowledging);
        await SubscribeAsync(driver, topic, UniqueName("group-b"), second.Acknowledging);
        var sent = Enumerable.Range(1, 10).Select(i => $"message-{i}").ToList();

        foreach (var text in sent)
        {
            await PublishTextAsync(driver, topic, text);
        }

        await WaitUntilAsync(() => sent.All(first.Contains) && sent.All(second.Contains), () => $"group a: {first.Describe()}; group b: {second.Describe()}");
    }

    [Fact]
    public async Task CompetingConsumers_AllAcknowledge_TogetherReceiveEachMessageExactlyOnce()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var byMember = new ConcurrentDictionary<string, ReceivedMessages>();
        var memberBusy = new ConcurrentDictionary<string, TaskCompletionSource>();
        TaskCompletionSource Busy(string name) =>
            memberBusy.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        MessageHandler Member(string name) => async (message, cancellationToken) =>
        {
            byMember.GetOrAdd(name, _ => new ReceivedMessages()).Add(message);
            if (GroupMembersShareATopic)
            {
                // Each member holds its first message until the other has one too, which only a
                // driver that hands work to an idle member can satisfy.
                Busy(name).TrySetResult();
                await Task.WhenAll(Busy("a").Task, Busy("b").Task).WaitAsync(DeliveryTimeout, cancellationToken);
            }

            return MessageOutcome.Acknowledge;
        };

        await SubscribeAsync(driver, topic, group, Member("a"));
        await SubscribeAsync(driver, topic, group, Member("b"));
        var sent = Enumerable.Range(1, 20).Select(i => $"message-{i}").ToList();
        foreach (var text in sent)
        {
            await PublishTextAsync(driver, topic, text);
        }

        var texts = () => byMember.Values.SelectMany(r => r.Texts).ToList();
        await WaitUntilAsync(() => sent.All(texts().Contains), () => $"the group received [{string.Join(", ", texts())}]");
        Assert.Equal(sent.Order(StringComparer.Ordinal), texts().Order(StringComparer.Ordinal));
        if (GroupMembersShareATopic)
        {
            Assert.All(["a", "b"], name => Assert.True(byMember.TryGetValue(name, out var got) && got.Count > 0, $"member {name} received nothing"));
        }
    }

    [Fact]
    public async Task Publish_TwoHundredConcurrently_EveryMessageIsReceivedWithItsOwnId()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        await SubscribeAsync(driver, topic, group, received.Acknowledging, maxConcurrency: 8);
        var sent = Enumerable.Range(1, 200).Select(i => $"message-{i}").ToList();

        await Task.WhenAll(sent.Select(text => Task.Run(() => PublishTextAsync(driver, topic, text).AsTask())));

        await WaitUntilAsync(() => received.DistinctTextCount == sent.Count, received.Describe);
        Assert.Equal(sent.Order(StringComparer.Ordinal), received.Texts.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(sent.Count, received.All.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Publish_WhileGroupHasNoMember_IsReceivedByTheGroupsNextMember()
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var earlier = new ReceivedMessages();
        var first = await SubscribeAsync(driver, topic, group, earlier.Acknowledging);
        await PublishTextAsync(driver, topic, "before-restart");
        await WaitUntilAsync(() => earlier.Contains("before-restart"), earlier.Describe);
        await first.DisposeAsync();

        await PublishTextAsync(driver, topic, "during-restart");
        var later = new ReceivedMessages();
        await SubscribeAsync(driver, topic, group, later.Acknowledging);

        await WaitUntilAsync(() => later.Contains("during-restart"), later.Describe);
        Assert.DoesNotContain("during-restart", earlier.Texts);
    }
}
