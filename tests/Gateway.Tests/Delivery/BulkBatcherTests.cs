using System.Threading.Channels;
using Gateway.Delivery;
using Gateway.Drivers;
using Gateway.Tests.Resiliency;

namespace Gateway.Tests.Delivery;

/// <summary>How one-by-one handler calls become batches: by count, by age, and how each caller learns its outcome.</summary>
public sealed class BulkBatcherTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _clock = new();
    private readonly Channel<IReadOnlyList<BrokerMessage>> _batches = Channel.CreateUnbounded<IReadOnlyList<BrokerMessage>>();

    [Fact]
    public async Task Add_MaxMessagesCountReached_SendsTheBatchWithoutWaiting()
    {
        var batcher = Create(maxMessagesCount: 3, maxAwait: TimeSpan.FromHours(1));

        var outcomes = Enumerable.Range(1, 3).Select(n => batcher.AddAsync(Message($"m{n}"), CancellationToken.None)).ToList();

        Assert.Equal(["m1", "m2", "m3"], Ids(await NextBatchAsync()));
        Assert.All(await Task.WhenAll(outcomes).WaitAsync(WaitLimit), outcome => Assert.Equal(MessageOutcome.Acknowledge, outcome));
    }

    [Fact]
    public async Task Add_BelowMaxMessagesCount_WaitsUntilTheFirstMessageIsMaxAwaitOld()
    {
        var batcher = Create(maxMessagesCount: 10, maxAwait: TimeSpan.FromMilliseconds(200));

        var first = batcher.AddAsync(Message("m1"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        var second = batcher.AddAsync(Message("m2"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(49));
        var third = batcher.AddAsync(Message("m3"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        // One batch holding all three proves nothing was sent before the first message was 200 ms old.
        Assert.Equal(["m1", "m2", "m3"], Ids(await NextBatchAsync()));
        await Task.WhenAll(first, second, third).WaitAsync(WaitLimit);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], _clock.RequestedDueTimes);
    }

    [Fact]
    public async Task Add_AfterABatchFilledByCount_StartsANewBatchWithItsOwnWait()
    {
        var batcher = Create(maxMessagesCount: 2, maxAwait: TimeSpan.FromMilliseconds(200));

        _ = batcher.AddAsync(Message("m1"), CancellationToken.None);
        _ = batcher.AddAsync(Message("m2"), CancellationToken.None);
        Assert.Equal(["m1", "m2"], Ids(await NextBatchAsync()));
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        var late = batcher.AddAsync(Message("m3"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var later = batcher.AddAsync(Message("m4"), CancellationToken.None);

        Assert.Equal(["m3", "m4"], Ids(await NextBatchAsync()));
        await Task.WhenAll(late, later).WaitAsync(WaitLimit);
    }

    [Fact]
    public async Task Add_EachCaller_GetsTheOutcomeOfItsOwnMessage()
    {
        var batcher = Create(3, TimeSpan.FromHours(1), messages => [.. messages.Select(m => m.Id == "m2" ? MessageOutcome.Redeliver : MessageOutcome.Acknowledge)]);

        var outcomes = Enumerable.Range(1, 3).Select(n => batcher.AddAsync(Message($"m{n}"), CancellationToken.None)).ToList();

        Assert.Equal([MessageOutcome.Acknowledge, MessageOutcome.Redeliver, MessageOutcome.Acknowledge], await Task.WhenAll(outcomes).WaitAsync(WaitLimit));
    }

    [Fact]
    public async Task Add_CancelledWhileTheBatchFills_ThrowsAndLeavesTheBatch()
    {
        var batcher = Create(maxMessagesCount: 10, maxAwait: TimeSpan.FromMilliseconds(200));
        using var stopping = new CancellationTokenSource();

        var withdrawn = batcher.AddAsync(Message("m1"), stopping.Token);
        var kept = batcher.AddAsync(Message("m2"), CancellationToken.None);
        await stopping.CancelAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn.WaitAsync(WaitLimit));
        Assert.Equal(["m2"], Ids(await NextBatchAsync()));
        Assert.Equal(MessageOutcome.Acknowledge, await kept.WaitAsync(WaitLimit));
    }

    [Fact]
    public async Task Add_CancelledWhileTheBatchIsSent_ThrowsForCancelledCallers_AndRedeliversTheOthers()
    {
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new BulkBatcher(2, TimeSpan.FromHours(1), _clock, async (messages, token) =>
        {
            sending.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return [.. messages.Select(_ => MessageOutcome.Acknowledge)];
        });
        using var stopping = new CancellationTokenSource();

        var cancelled = batcher.AddAsync(Message("m1"), stopping.Token);
        var other = batcher.AddAsync(Message("m2"), CancellationToken.None);
        await sending.Task.WaitAsync(WaitLimit);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(WaitLimit));
        Assert.Equal(MessageOutcome.Redeliver, await other.WaitAsync(WaitLimit));
    }

    [Fact]
    public async Task Add_DeliveryFails_EveryCallerSeesTheFailure()
    {
        var batcher = new BulkBatcher(2, TimeSpan.FromHours(1), _clock, (_, _) => throw new InvalidOperationException("broken"));

        var first = batcher.AddAsync(Message("m1"), CancellationToken.None);
        var second = batcher.AddAsync(Message("m2"), CancellationToken.None);

        Assert.Equal("broken", (await Assert.ThrowsAsync<InvalidOperationException>(() => first.WaitAsync(WaitLimit))).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(WaitLimit));
    }

    [Fact]
    public async Task Add_ZeroMaxAwait_SendsEachMessageAtOnce()
    {
        var batcher = Create(maxMessagesCount: 10, maxAwait: TimeSpan.Zero);

        var outcome = batcher.AddAsync(Message("m1"), CancellationToken.None);

        Assert.Equal(["m1"], Ids(await NextBatchAsync()));
        Assert.Equal(MessageOutcome.Acknowledge, await outcome.WaitAsync(WaitLimit));
    }

    private BulkBatcher Create(int maxMessagesCount, TimeSpan maxAwait, Func<IReadOnlyList<BrokerMessage>, MessageOutcome[]>? decide = null) =>
        new(maxMessagesCount, maxAwait, _clock, async (messages, _) =>
        {
            await _batches.Writer.WriteAsync(messages);
            return decide is null ? [.. messages.Select(_ => MessageOutcome.Acknowledge)] : decide(messages);
        });

    private async Task<IReadOnlyList<BrokerMessage>> NextBatchAsync() => await _batches.Reader.ReadAsync().AsTask().WaitAsync(WaitLimit);

    private static string[] Ids(IReadOnlyList<BrokerMessage> batch) => [.. batch.Select(message => message.Id)];

    private static BrokerMessage Message(string id) => new(id, "orders", "{}"u8.ToArray(), "application/cloudevents+json", new Dictionary<string, string>(), 1);
}
