using Confluent.Kafka;
using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class OffsetCommitterTests
{
    private static readonly TopicPartition P0 = new("orders", 0);
    private static readonly TopicPartition P1 = new("orders", 1);

    /// <summary>
    /// Start at 10, read the offsets in <paramref name="read"/>, finish those in <paramref name="done"/>:
    /// the committable offset is the lowest unfinished one, or one past the last read.
    /// </summary>
    [Theory]
    [InlineData(new long[] { }, new long[] { }, null)]
    [InlineData(new long[] { 10 }, new long[] { }, null)]
    [InlineData(new long[] { 10 }, new long[] { 10 }, 11L)]
    [InlineData(new long[] { 10, 11, 12 }, new long[] { 11, 12 }, null)]
    [InlineData(new long[] { 10, 11, 12 }, new long[] { 10, 12 }, 11L)]
    [InlineData(new long[] { 10, 11, 12 }, new long[] { 12, 11, 10 }, 13L)]
    [InlineData(new long[] { 10, 15, 20 }, new long[] { 10, 15 }, 20L)]
    public void Committable_AfterReadingAndFinishing_IsTheLowestOffsetStillInFlight(long[] read, long[] done, long? expected)
    {
        var committer = new OffsetCommitter();
        committer.Start(P0, 10);
        foreach (var offset in read)
        {
            committer.Track(P0, offset);
        }

        foreach (var offset in done)
        {
            committer.Complete(P0, offset);
        }

        var committable = committer.Committable();

        Assert.Equal(expected, committable.SingleOrDefault()?.Offset.Value);
    }

    [Fact]
    public void Committable_AfterCommitted_IsEmptyUntilTheWatermarkMovesAgain()
    {
        var committer = new OffsetCommitter();
        committer.Start(P0, 0);
        committer.Track(P0, 0);
        committer.Track(P0, 1);
        committer.Complete(P0, 0);
        committer.Committed(committer.Committable());

        Assert.Empty(committer.Committable());

        committer.Complete(P0, 1);
        Assert.Equal(2, Assert.Single(committer.Committable()).Offset.Value);
    }

    [Fact]
    public void Committable_ForSomePartitions_LeavesTheOthersOut()
    {
        var committer = new OffsetCommitter();
        committer.Start(P0, 0);
        committer.Start(P1, 0);
        committer.Track(P0, 0);
        committer.Track(P1, 0);
        committer.Complete(P0, 0);
        committer.Complete(P1, 0);

        var committable = committer.Committable([P1]);

        Assert.Equal(P1, Assert.Single(committable).TopicPartition);
    }

    [Fact]
    public void Committable_WithUnknownStartAndNothingRead_IsEmpty()
    {
        var committer = new OffsetCommitter();
        committer.Start(P0, Offset.Unset.Value);

        Assert.Empty(committer.Committable());

        committer.Track(P0, 7);
        committer.Complete(P0, 7);
        Assert.Equal(8, Assert.Single(committer.Committable()).Offset.Value);
    }

    [Fact]
    public void Track_OnRemovedPartition_IsIgnored()
    {
        var committer = new OffsetCommitter();
        committer.Start(P0, 0);
        committer.Remove([P0]);

        committer.Track(P0, 5);
        committer.Complete(P0, 5);

        Assert.Empty(committer.Committable());
    }
}
