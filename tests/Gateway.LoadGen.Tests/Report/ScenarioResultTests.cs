using Gateway.LoadGen.Report;

namespace Gateway.LoadGen.Tests.Report;

public sealed class ScenarioResultTests
{
    [Fact]
    public void WithCpuAddedOverNoop_GatewayRow_IsItsCpuPerRequestMinusTheNoopRows()
    {
        var scenario = Scenario(RunRows.Noop(30), RunRows.Gateway(75)).WithCpuAddedOverNoop();

        Assert.Equal(45.0, scenario.Rows[1].ServerCpu!.AddedOverNoopMicroseconds);
    }

    [Fact]
    public void WithCpuAddedOverNoop_NoopRowAndDirectRow_StayWithoutAFigure()
    {
        var scenario = Scenario(RunRows.Noop(30), RunRows.Gateway(75), RunRows.Direct()).WithCpuAddedOverNoop();

        Assert.Null(scenario.Rows[0].ServerCpu!.AddedOverNoopMicroseconds);
        Assert.Null(scenario.Rows[2].ServerCpu);
    }

    [Fact]
    public void WithCpuAddedOverNoop_ScenarioWithoutNoopRow_LeavesGatewayRowsWithoutAFigure()
    {
        var scenario = Scenario(RunRows.Gateway(75)).WithCpuAddedOverNoop();

        Assert.Null(scenario.Rows[0].ServerCpu!.AddedOverNoopMicroseconds);
        Assert.Equal(75.0, scenario.Rows[0].ServerCpu!.MicrosecondsPerRequest);
    }

    [Fact]
    public void WithCpuAddedOverNoop_RateTable_ComparesWithTheNoopRowAtTheSameRate()
    {
        var scenario = Scenario(RunRows.Noop(50, rate: 1000), RunRows.Noop(20, rate: 5000), RunRows.Gateway(90, rate: 1000), RunRows.Gateway(60, rate: 5000))
            .WithCpuAddedOverNoop();

        Assert.Equal(40.0, scenario.Rows[2].ServerCpu!.AddedOverNoopMicroseconds);
        Assert.Equal(40.0, scenario.Rows[3].ServerCpu!.AddedOverNoopMicroseconds);
    }

    [Fact]
    public void WithCpuAddedOverNoop_NoopRowWithoutCpu_LeavesTheGatewayRowWithoutAFigure()
    {
        var scenario = Scenario(RunRows.Noop(null), RunRows.Gateway(75)).WithCpuAddedOverNoop();

        Assert.Null(scenario.Rows[1].ServerCpu!.AddedOverNoopMicroseconds);
    }

    private static ScenarioResult Scenario(params Gateway.LoadGen.Metrics.RunResult[] rows) =>
        new("throughput", "Publish throughput", "", ["target", "cpu", "cpuAdded"], rows);
}
