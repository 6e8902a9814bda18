using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Tests.Metrics;

public sealed class ServerCpuUseTests
{
    [Fact]
    public void Of_LoadedWindow_GivesSecondsPerRequestAndShareOfOneCore()
    {
        var use = ServerCpuUse.Of(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), 160_000);

        Assert.Equal(4.0, use.Seconds);
        Assert.Equal(8.0, use.WindowSeconds);
        Assert.Equal(25.0, use.MicrosecondsPerRequest);
        Assert.Equal(50.0, use.PercentOfOneCore);
        Assert.Null(use.AddedOverNoopMicroseconds);
    }

    [Fact]
    public void Of_IdleWindow_HasAShareOfOneCoreButNoCostPerRequest()
    {
        var use = ServerCpuUse.Of(TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(10), 0);

        Assert.Null(use.MicrosecondsPerRequest);
        Assert.Equal(0.3, use.PercentOfOneCore);
    }
}
