using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>Asks the brokers for cluster metadata through the producer's connections, with a short deadline.</summary>
internal sealed class KafkaHealthCheck : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly IAdminClient _admin;

    public KafkaHealthCheck(Handle producerHandle)
    {
        _admin = new DependentAdminClientBuilder(producerHandle).Build();
    }

    /// <summary>Null when a broker answered; otherwise why not.</summary>
    public async ValueTask<string?> CheckAsync(CancellationToken cancellationToken)
    {
        // The metadata call blocks its thread for up to the deadline, so it runs off the caller's.
        try
        {
            var metadata = await Task.Run(() => _admin.GetMetadata(Deadline), cancellationToken).WaitAsync(cancellationToken);
            return metadata.Brokers.Count > 0 ? null : "the cluster reported no brokers";
        }
        catch (KafkaException exception)
        {
            return $"no broker answered a metadata request within {Deadline.TotalSeconds:0}s: {KafkaErrorClassifier.Describe(exception.Error)}";
        }
    }

    public void Dispose() => _admin.Dispose();
}
