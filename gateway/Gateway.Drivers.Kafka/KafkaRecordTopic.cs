using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// The compacted topic behind a <see cref="KafkaRecordStore"/>: created when missing (one partition,
/// <c>cleanup.policy=compact</c>, the brokers' default replication factor), then described.
/// </summary>
internal static class KafkaRecordTopic
{
    /// <summary>The topic name for a store name.</summary>
    public static string NameOf(string storeName) => GatewayOwnedNames.KafkaRecordTopicPrefix + storeName;

    /// <summary>How long creating the topic may take once the brokers answered; a cluster without a controller (librdkafka's mock) never answers.</summary>
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Creates the topic unless it exists and returns its partitions. Brokers that do not answer fail
    /// it as transient. A cluster that answers but cannot create topics through the admin API (no
    /// permission, no controller, too old) is logged: the topic is then made by the brokers'
    /// auto-creation on first use, without compaction.
    /// </summary>
    public static async Task<IReadOnlyList<TopicPartition>> EnsureAsync(
        IAdminClient admin, string componentName, string topic, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        Metadata cluster;
        try
        {
            cluster = await Task.Run(() => admin.GetMetadata(timeout), cancellationToken).WaitAsync(cancellationToken);
        }
        catch (KafkaException exception)
        {
            throw Unreachable(componentName, topic, KafkaErrorClassifier.Describe(exception.Error), exception);
        }

        if (!cluster.Topics.Any(t => t.Topic == topic && !t.Error.IsError))
        {
            await CreateAsync(admin, componentName, topic, logger, cancellationToken);
        }

        return await PartitionsAsync(admin, componentName, topic, timeout, cancellationToken);
    }

    private static async Task CreateAsync(IAdminClient admin, string componentName, string topic, ILogger logger, CancellationToken cancellationToken)
    {
        var specification = new TopicSpecification
        {
            Name = topic,
            NumPartitions = 1,
            ReplicationFactor = -1,
            Configs = new Dictionary<string, string> { ["cleanup.policy"] = "compact" },
        };
        try
        {
            await admin.CreateTopicsAsync([specification], new CreateTopicsOptions { RequestTimeout = CreateTimeout })
                .WaitAsync(CreateTimeout + TimeSpan.FromSeconds(1), cancellationToken);
            KafkaRecordStoreLog.TopicCreated(logger, componentName, topic);
        }
        catch (CreateTopicsException exception) when (exception.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Created meanwhile, by another replica or by an operator.
        }
        catch (CreateTopicsException exception)
        {
            KafkaRecordStoreLog.TopicNotCreated(logger, componentName, topic, KafkaErrorClassifier.Describe(exception.Results.First(r => r.Error.IsError).Error));
        }
        catch (KafkaException exception)
        {
            KafkaRecordStoreLog.TopicNotCreated(logger, componentName, topic, KafkaErrorClassifier.Describe(exception.Error));
        }
        catch (TimeoutException)
        {
            KafkaRecordStoreLog.TopicNotCreated(logger, componentName, topic, $"no answer within {CreateTimeout.TotalSeconds:0} s");
        }
    }

    private static async Task<IReadOnlyList<TopicPartition>> PartitionsAsync(IAdminClient admin, string componentName, string topic, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A topic just created (or auto-created by this very request) may take a moment to show its partitions.
        var deadline = DateTime.UtcNow + timeout;
        string problem;
        do
        {
            try
            {
                var metadata = await Task.Run(() => admin.GetMetadata(topic, timeout), cancellationToken).WaitAsync(cancellationToken);
                var described = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
                if (described is { Error.IsError: false, Partitions.Count: > 0 })
                {
                    return [.. described.Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).OrderBy(p => p.Partition.Value)];
                }

                problem = described is null ? "the brokers did not describe it" : $"the brokers describe it as {KafkaErrorClassifier.Describe(described.Error)}";
            }
            catch (KafkaException exception)
            {
                problem = KafkaErrorClassifier.Describe(exception.Error);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        throw Unreachable(componentName, topic, problem, null);
    }

    private static DriverException Unreachable(string componentName, string topic, string reason, Exception? exception) =>
        new(KafkaMessages.ForComponent(componentName, $"record store topic '{topic}' is not usable: {reason}."), isTransient: true, exception);
}
