using System.Text;

namespace Gateway.Drivers.Tests.Conformance;

/// <summary>Concurrency limits and optional capabilities.</summary>
public abstract partial class DriverConformance
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Subscription_WithMaxConcurrency_RunsThatManyHandlersAtOnceAndNoMore(int maxConcurrency)
    {
        var driver = await NewDriverAsync();
        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var mostRunning = 0;
        await SubscribeAsync(driver, topic, group, async (message, cancellationToken) =>
        {
            InterlockedMax(ref mostRunning, Interlocked.Increment(ref running));
            try
            {
                await release.Task.WaitAsync(DeliveryTimeout, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }

            received.Add(message);
            return MessageOutcome.Acknowledge;
        }, maxConcurrency);
        var sent = Enumerable.Range(1, maxConcurrency * 4).Select(i => $"message-{i}").ToList();

        // Every handler is held until all messages are stored and the limit is reached, so a
        // driver that ran more at once has had every chance to be seen doing it.
        foreach (var text in sent)
        {
            await PublishTextAsync(driver, topic, text);
        }

        await WaitUntilAsync(() => Volatile.Read(ref running) >= maxConcurrency, () => $"only {Volatile.Read(ref running)} handlers ran at once");
        release.TrySetResult();

        await WaitUntilAsync(() => received.DistinctTextCount == sent.Count, received.Describe);
        Assert.Equal(maxConcurrency, Volatile.Read(ref mostRunning));
    }

    [Fact]
    public async Task BulkPublish_AllEntriesFit_EveryEntryIsStoredAndReceived()
    {
        var driver = await NewDriverAsync();
        Assert.Equal(SupportsBulkPublish, driver is IBulkPublisher);
        if (driver is not IBulkPublisher bulk)
        {
            return;
        }

        var (topic, group) = (UniqueName("topic"), UniqueName("group"));
        var received = new ReceivedMessages();
        await SubscribeAsync(driver, topic, group, received.Acknowledging);
        var entries = Enumerable.Range(1, 25)
            .Select(i => new BulkPublishEntry($"entry-{i}", new PublishRequest(
                topic, Encoding.UTF8.GetBytes($"bulk-{i}"), "text/plain", new Dictionary<string, string> { ["entry"] = i.ToString() })))
            .ToList();

        var failures = await bulk.PublishBulkAsync(entries, CancellationToken.None);

        Assert.Empty(failures);
        await WaitUntilAsync(() => received.DistinctTextCount == entries.Count, received.Describe);
        Assert.All(received.All, m => Assert.Equal(Text(m), $"bulk-{m.Metadata["entry"]}"));
    }

    private static void InterlockedMax(ref int target, int candidate)
    {
        var current = Volatile.Read(ref target);
        while (candidate > current)
        {
            var seen = Interlocked.CompareExchange(ref target, candidate, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
