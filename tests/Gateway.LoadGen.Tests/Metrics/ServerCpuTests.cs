using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Tests.Metrics;

public sealed class ServerCpuTests
{
    [Fact]
    public void PerRequestMicroseconds_TwoSecondsOverOneHundredThousandRequests_IsTwentyMicroseconds()
    {
        Assert.Equal(20.0, ServerCpu.PerRequestMicroseconds(TimeSpan.FromSeconds(2), 100_000)!.Value, precision: 9);
    }

    [Fact]
    public void PerRequestMicroseconds_NoRequests_IsUnknownRatherThanInfinite()
    {
        Assert.Null(ServerCpu.PerRequestMicroseconds(TimeSpan.FromSeconds(2), 0));
    }

    [Fact]
    public void PercentOfOneCore_OnePointFiveSecondsOfCpuOverTenSeconds_IsFifteenPercent()
    {
        Assert.Equal(15.0, ServerCpu.PercentOfOneCore(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10))!.Value, precision: 9);
    }

    [Fact]
    public void PercentOfOneCore_TwoCoresBusyForTheWholeWindow_IsTwoHundredPercent()
    {
        Assert.Equal(200.0, ServerCpu.PercentOfOneCore(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(4))!.Value, precision: 9);
    }

    [Fact]
    public void PercentOfOneCore_EmptyWindow_IsUnknown()
    {
        Assert.Null(ServerCpu.PercentOfOneCore(TimeSpan.FromSeconds(1), TimeSpan.Zero));
    }

    [Fact]
    public void AddedOverNoop_GatewaySeventyNoopThirty_IsForty()
    {
        Assert.Equal(40.0, ServerCpu.AddedOverNoop(70, 30));
    }

    [Fact]
    public void AddedOverNoop_CheaperThanNoop_IsNegativeNotClamped()
    {
        Assert.Equal(-5.0, ServerCpu.AddedOverNoop(25, 30));
    }

    [Theory]
    [InlineData(null, 30.0)]
    [InlineData(70.0, null)]
    [InlineData(null, null)]
    public void AddedOverNoop_EitherSideUnknown_IsUnknown(double? row, double? noop)
    {
        Assert.Null(ServerCpu.AddedOverNoop(row, noop));
    }
}
