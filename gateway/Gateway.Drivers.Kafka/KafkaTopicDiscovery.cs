using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Before a consumer joins its group, asks the brokers for the topic's metadata through the producer,
/// as Dapr's client does: a producer's metadata request allows automatic topic creation, so a topic
/// nobody has written yet is created where the brokers allow it, and the group gets partitions to share.
/// A consumer's own requests do not create topics (librdkafka 2.x), so without this a subscription to a
/// new topic would wait for the first publish before it could join.
/// </summary>
internal static class KafkaTopicDiscovery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task AskAsync(Handle producer, string componentName, string topic, ILogger logger, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                try
                {
                    using var admin = new DependentAdminClientBuilder(producer).Build();
                    var metadata = admin.GetMetadata(topic, Timeout);
                    if (metadata.Topics.FirstOrDefault(t => t.Topic == topic) is { Error.IsError: true } missing)
                    {
                        KafkaLog.TopicNotAvailable(logger, componentName, topic, KafkaErrorClassifier.Describe(missing.Error));
                    }
                }
                catch (KafkaException exception)
                {
                    // Not fatal: the subscription keeps asking while it waits for its partitions.
                    KafkaLog.TopicNotAvailable(logger, componentName, topic, KafkaErrorClassifier.Describe(exception.Error));
                }
            },
            cancellationToken);
}
