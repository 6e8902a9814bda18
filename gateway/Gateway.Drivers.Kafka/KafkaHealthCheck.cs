using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Asks the brokers for cluster metadata through the producer's connections, with a short deadline.
/// The admin client lives only for one check: Confluent.Kafka's admin client keeps a polling thread
/// that, with the librdkafka this gateway runs on, spins a core for as long as the client exists
/// (measured: about half of the gateway's CPU under load, docs/benchmarks.md).
/// </summary>
internal sealed class KafkaHealthCheck(Handle producerHandle)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>Null when a broker answered; otherwise why not.</summary>
    public async ValueTask<string?> CheckAsync(CancellationToken cancellationToken)
    {
        // The metadata call blocks its thread for up to the deadline, so it runs off the caller's.
        try
        {
            var metadata = await Task.Run(
                () =>
                {
                    using var admin = new DependentAdminClientBuilder(producerHandle).Build();
                    return admin.GetMetadata(Deadline);
                },
                cancellationToken).WaitAsync(cancellationToken);
            return metadata.Brokers.Count > 0 ? null : "the cluster reported no brokers";
        }
        catch (KafkaException exception)
        {
            return $"no broker answered a metadata request within {Deadline.TotalSeconds:0}s: {KafkaErrorClassifier.Describe(exception.Error)}";
        }
    }
}
