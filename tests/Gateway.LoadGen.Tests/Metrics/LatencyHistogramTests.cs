using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void ValueAt_UniformOneToTenThousand_IsWithinOneSixtyFourthOfTheExactPercentile()
    {
        var histogram = new LatencyHistogram();
        for (var value = 1; value <= 10_000; value++)
        {
            histogram.Record(value);
        }

        foreach (var (percentile, exact) in new[] { (50.0, 5000L), (90.0, 9000L), (99.0, 9900L), (99.9, 9990L) })
        {
            var reported = histogram.ValueAt(percentile);
            Assert.InRange(reported, exact, exact + (exact / 64) + 1);
        }

        Assert.Equal(10_000, histogram.ValueAt(100));
        Assert.Equal(10_000, histogram.Count);
    }

    [Fact]
    public void ValueAt_BelowOneHundredTwentyEightMicroseconds_IsExact()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(3);
        histogram.Record(7);
        histogram.Record(127);

        Assert.Equal(3, histogram.ValueAt(33));
        Assert.Equal(7, histogram.ValueAt(66));
        Assert.Equal(127, histogram.ValueAt(100));
    }

    [Fact]
    public void Index_EveryValueFallsInABucketWhoseHighestEquivalentIsNotBelowIt()
    {
        for (long value = 0; value < 1L << 36; value = (value * 3 / 2) + 1)
        {
            var highest = LatencyHistogram.HighestEquivalent(LatencyHistogram.Index(value));
            Assert.InRange(highest, value, value + (value / 64) + 1);
        }
    }

    [Fact]
    public void Add_MergesCountsAndMaximum()
    {
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        first.Record(100);
        second.Record(5000);

        first.Add(second);

        Assert.Equal(2, first.Count);
        Assert.Equal(5000, first.MaxMicroseconds);
        Assert.Equal(100, first.ValueAt(50));
    }

    [Fact]
    public void Summarize_Empty_IsAllZeros()
    {
        Assert.Equal(LatencySummary.Empty, new LatencyHistogram().Summarize());
    }
}
