using Gateway.LoadGen.Cli;

namespace Gateway.LoadGen.Tests.Cli;

public sealed class VersusRoundsTests
{
    [Fact]
    public void MedianCpuPerRequest_LeavesTheFirstRoundOut()
    {
        // With round 1 the median would be 40.
        Assert.Equal(30.0, VersusRounds.MedianCpuPerRequest([500, 40, 30, 20]));
    }

    [Fact]
    public void MedianCpuPerRequest_SkipsRoundsWithoutAFigure()
    {
        Assert.Equal(25.0, VersusRounds.MedianCpuPerRequest([500, double.NaN, 30, 20]));
    }

    [Fact]
    public void MedianCpuPerRequest_OneRoundOnly_IsUnknown()
    {
        Assert.True(double.IsNaN(VersusRounds.MedianCpuPerRequest([30])));
    }

    [Fact]
    public void MedianCpuAddedOverNoop_IsTheMedianOfPerRoundDifferencesNotTheDifferenceOfMedians()
    {
        // Rounds 2–4: differences 5, 5, 15 (median 5); the medians' difference would be 20 − 5 = 15.
        double[] gateway = [1000, 10, 30, 20];
        double[] noop = [1, 5, 25, 5];

        Assert.Equal(5.0, VersusRounds.MedianCpuAddedOverNoop(gateway, noop));
    }

    [Fact]
    public void MedianCpuAddedOverNoop_RoundWhereEitherSideHasNoFigure_IsLeftOut()
    {
        double[] gateway = [0, 70, double.NaN, 90, 100];
        double[] noop = [0, 30, 30, double.NaN, 40];

        Assert.Equal(50.0, VersusRounds.MedianCpuAddedOverNoop(gateway, noop));
    }

    [Fact]
    public void MedianCpuAddedOverNoop_NoRoundWithBoth_IsUnknownAndShownAsADash()
    {
        var added = VersusRounds.MedianCpuAddedOverNoop([0, double.NaN], [0, 30]);

        Assert.True(double.IsNaN(added));
        Assert.Equal("–", VersusRounds.Cell(added));
    }

    [Fact]
    public void Cell_KnownFigure_IsWholeMicroseconds()
    {
        Assert.Equal("38", VersusRounds.Cell(37.6));
    }
}
