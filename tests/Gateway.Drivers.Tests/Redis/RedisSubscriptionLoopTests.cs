using System.Threading.Channels;
using Gateway.Drivers.Redis;
using Gateway.Drivers.Redis.Client;
using Gateway.Drivers.Tests.Conformance;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// A Redis subscription is one loop (claim pending entries, read new ones, hand them out). Whatever one round of it
/// throws, the next round reads again: a loop that ended would leave the subscription deaf, and nothing would say so.
/// </summary>
public sealed class RedisSubscriptionLoopTests
{
    [Fact]
    public async Task ARoundFailsWithAnExceptionNoOneExpected_ItIsLoggedAsAnError_AndTheNextRoundsDeliver()
    {
        var reader = new QueueReader();
        var streams = new FakeRedisStreams { Reader = reader, NextAutoClaimThrows = new InvalidOperationException("a bug in the pass over pending entries") };
        var logs = new RecordingLoggerFactory();
        var consumer = new StreamConsumer(
            "component", "topic", "group", "consumer", new RedisOptions { RedisHost = "fake" }, streams, new InFlightEntries(), TimeProvider.System, logs.CreateLogger("redis"));
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var subscription = new RedisSubscription(consumer, (message, _) =>
        {
            handled.Enqueue(message.Id);
            return ValueTask.FromResult(MessageOutcome.Acknowledge);
        }, maxConcurrency: 10, onStopped: _ => { });
        subscription.Start();
        try
        {
            await reader.AddAsync(new StreamEntry("1-0", [new(StreamEntryLayout.DataField, "x"u8.ToArray())]));

            await Eventually.HoldsAsync(() => streams.Acknowledged.Contains("1-0"), RedisDriverScope.Patience, () => $"not acknowledged; handled: {string.Join(", ", handled)}");
            Assert.Equal(["1-0"], handled);
            var failure = Assert.Single(logs.Messages(EventIds.RedisLog.ReadLoopFailed));
            Assert.Contains("reading stream topic as group group failed unexpectedly", failure, StringComparison.Ordinal);
        }
        finally
        {
            await subscription.DisposeAsync();
        }
    }

    /// <summary>Hands out entries as they are added; an empty answer once the block passes without any.</summary>
    private sealed class QueueReader : IStreamReader
    {
        private readonly Channel<StreamEntry> _entries = Channel.CreateUnbounded<StreamEntry>();

        public ValueTask AddAsync(StreamEntry entry) => _entries.Writer.WriteAsync(entry);

        public async Task<IReadOnlyList<StreamEntry>> ReadGroupAsync(string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(block);
            try
            {
                return [await _entries.Reader.ReadAsync(timeout.Token)];
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return [];
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
