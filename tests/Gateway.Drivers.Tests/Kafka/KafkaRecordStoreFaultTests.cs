using System.Text;
using Gateway.Drivers.Kafka;
using Gateway.Kafka.TestCluster;
using Gateway.Tests.TestSupport;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>
/// The record store's broker goes away and comes back, on a mock cluster of the test's own whatever broker
/// the other Kafka tests use: only librdkafka's mock takes injected faults.
/// </summary>
public sealed class KafkaRecordStoreFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BrokerDown_ReadAndPutFailAsTransient_AndTheStoreWorksAgainWhenItIsBack()
    {
        using var cluster = new MockKafkaCluster(brokerCount: 1);
        await using var scope = new KafkaDriverScope(cluster.BootstrapServers, new Dictionary<string, string> { [KafkaMetadataSchema.PublishTimeout] = "3s" });
        var store = ((IRecordStoreProvider)scope.NewDriver()).OpenRecordStore(KafkaTestCluster.UniqueName("store"));
        await store.PutAsync("before", Encoding.UTF8.GetBytes("1"), CancellationToken.None);

        cluster.SetBrokerDown(1);
        var readFailure = await Assert.ThrowsAsync<DriverException>(() => store.ReadAllAsync(CancellationToken.None).AsTask().WaitAsync(KafkaDriverScope.Patience));
        var putFailure = await Assert.ThrowsAsync<DriverException>(() => store.PutAsync("during", Encoding.UTF8.GetBytes("2"), CancellationToken.None).AsTask().WaitAsync(KafkaDriverScope.Patience));
        output.WriteLine(readFailure.Message);
        output.WriteLine(putFailure.Message);
        Assert.True(readFailure.IsTransient, readFailure.Message);
        Assert.True(putFailure.IsTransient, putFailure.Message);

        cluster.SetBrokerUp(1);
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? records = null;
        var deadline = DateTime.UtcNow + KafkaDriverScope.Patience;
        while (records is null)
        {
            try
            {
                await store.PutAsync("after", Encoding.UTF8.GetBytes("3"), CancellationToken.None);
                records = await store.ReadAllAsync(CancellationToken.None);
            }
            catch (DriverException error) when (error.IsTransient && DateTime.UtcNow < deadline)
            {
                // The clients reconnect with a back-off; the first calls after the outage may still fail.
            }
        }

        Assert.Contains("before", records.Keys);
        Assert.Contains("after", records.Keys);
    }
}
