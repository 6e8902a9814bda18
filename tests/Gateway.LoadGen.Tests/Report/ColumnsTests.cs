using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;

namespace Gateway.LoadGen.Tests.Report;

public sealed class ColumnsTests
{
    [Fact]
    public void CpuColumns_ThroughputTable_ShowPerRequestAndAddedOverNoopWithDashesWhereThereIsNone()
    {
        var scenario = new ScenarioResult("throughput", "Publish throughput", "", ["target", "cpu", "cpuAdded"], [RunRows.Noop(30.4), RunRows.Gateway(75.6), RunRows.Direct()])
            .WithCpuAddedOverNoop();

        Assert.Equal(
            [["noop row", "30", "–"], ["gateway row", "76", "45"], ["redis-direct row", "–", "–"]],
            scenario.Rows.Select(row => scenario.Columns.Select(key => Columns.All[key].Value(row, scenario)).ToArray()).ToArray());
    }

    [Fact]
    public void CpuHeaders_AreNamedAsInVersus()
    {
        Assert.Equal("server CPU µs per request", Columns.All["cpu"].Header);
        Assert.Equal("CPU added over no-op µs", Columns.All["cpuAdded"].Header);
    }

    [Fact]
    public void IdleColumns_ShowShareOfOneCoreAndRedisConnections()
    {
        var idle = RunRows.Gateway(null) with { Mode = "idle", ServerCpu = new ServerCpuUse(0.35, 10, null, 3.5), RedisClientConnections = 1001 };
        var scenario = new ScenarioResult("idle", "Idle", "", ["cpuPercent", "redisClients"], [idle]);

        Assert.Equal("3.5", Columns.All["cpuPercent"].Value(idle, scenario));
        Assert.Equal("1,001", Columns.All["redisClients"].Value(idle, scenario));
        Assert.Equal("–", Columns.All["redisClients"].Value(idle with { RedisClientConnections = null }, scenario));
    }
}
