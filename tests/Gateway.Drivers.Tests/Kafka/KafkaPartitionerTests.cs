using System.Text;
using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class KafkaPartitionerTests
{
    /// <summary>Expected values computed independently from Sarama's HashPartitioner (FNV-1a, signed modulo, then absolute).</summary>
    [Theory]
    [InlineData("", 4, 3)]
    [InlineData("", 7, 2)]
    [InlineData("customer-7", 4, 1)]
    [InlineData("customer-7", 7, 5)]
    [InlineData("a", 7, 6)]
    [InlineData("order-1", 7, 1)]
    public void HashPartition_Key_MatchesDaprsSaramaPartitioner(string key, int partitionCount, int expected)
    {
        Assert.Equal(expected, KafkaPartitioner.HashPartition(Encoding.UTF8.GetBytes(key), partitionCount));
    }

    [Fact]
    public void Choose_RecordsWithoutKey_TakeThePartitionsInTurn()
    {
        var topic = KafkaTestCluster.UniqueName("keyless");

        var chosen = Enumerable.Range(0, 8).Select(_ => KafkaPartitioner.Choose(topic, 4, [], keyIsNull: true).Value).ToList();

        Assert.Equal([1, 2, 3, 0, 1, 2, 3, 0], chosen);
    }
}
