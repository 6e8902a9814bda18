using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Dapr's Kafka record layout (spec §5.1). Publish: value = the data bytes, key = metadata
/// <c>partitionKey</c> or <c>__key</c>, partition = metadata <c>partitionNumber</c> when given (else <see cref="KafkaPartitioner"/>),
/// headers = every metadata entry. Consume: metadata = <c>__key</c>, <c>__offset</c>, <c>__topic</c>,
/// <c>__partition</c>, <c>__timestamp</c> (Unix ms) plus every header.
/// </summary>
/// <remarks>
/// Beyond Dapr's layout, a known content type travels in the <see cref="ContentTypeHeader"/> header
/// and comes back as <see cref="BrokerMessage.ContentType"/>, not as metadata. A Dapr sidecar
/// reading the topic sees it as one more metadata entry and otherwise ignores it.
/// </remarks>
internal static class KafkaRecordLayout
{
    public const string ContentTypeHeader = "__contentType";
    public const string PartitionKey = "partitionKey";
    public const string KeyMetadata = "__key";
    public const string PartitionNumber = "partitionNumber";
    public const string OffsetMetadata = "__offset";
    public const string TopicMetadata = "__topic";
    public const string PartitionMetadata = "__partition";
    public const string TimestampMetadata = "__timestamp";

    public static Message<byte[]?, byte[]> ToRecord(PublishRequest request, KafkaHeaderPolicy? policy = null)
    {
        policy ??= KafkaHeaderPolicy.None;
        var metadata = request.Metadata ?? new Dictionary<string, string>();
        var headers = new Headers();
        foreach (var (name, value) in metadata)
        {
            if (!policy.Excludes(name))
            {
                headers.Add(name, Encoding.UTF8.GetBytes(value ?? string.Empty));
            }
        }

        if (request.ContentType is { Length: > 0 } contentType)
        {
            headers.Add(ContentTypeHeader, ContentTypeBytes.Of(contentType));
        }

        var key = metadata.GetValueOrDefault(PartitionKey) ?? metadata.GetValueOrDefault(KeyMetadata);
        return new Message<byte[]?, byte[]>
        {
            Key = key is null ? null : Encoding.UTF8.GetBytes(key),
            Value = WholeArray(request.Data) ?? request.Data.ToArray(),
            Headers = headers,
        };
    }

    /// <summary>
    /// The array behind <paramref name="data"/> when the data is all of it (the envelope the gateway just wrote),
    /// so the record takes it without a copy: the producer copies the value into librdkafka when it is handed over.
    /// </summary>
    private static byte[]? WholeArray(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : null;

    /// <summary>The explicit partition, <see cref="Partition.Any"/> when none is asked for, or null when the value is unusable.</summary>
    public static Partition? TargetPartition(PublishRequest request)
    {
        if (request.Metadata?.GetValueOrDefault(PartitionNumber) is not { } text)
        {
            return Partition.Any;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? new Partition(number) : null;
    }

    public static BrokerMessage ToBrokerMessage(ConsumeResult<byte[]?, byte[]?> record, int deliveryCount, KafkaHeaderPolicy? policy = null)
    {
        policy ??= KafkaHeaderPolicy.None;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        string? contentType = null;
        foreach (var header in record.Message.Headers ?? [])
        {
            var value = Encoding.UTF8.GetString(header.GetValueBytes() ?? []);
            if (header.Key == ContentTypeHeader)
            {
                contentType = value;
            }
            else if (!policy.Excludes(header.Key))
            {
                metadata[header.Key] = policy.Deliver(value);
            }
        }

        if (record.Message.Key is { } key)
        {
            metadata[KeyMetadata] = policy.Deliver(Encoding.UTF8.GetString(key));
        }

        metadata[OffsetMetadata] = record.Offset.Value.ToString(CultureInfo.InvariantCulture);
        metadata[TopicMetadata] = record.Topic;
        metadata[PartitionMetadata] = record.Partition.Value.ToString(CultureInfo.InvariantCulture);
        metadata[TimestampMetadata] = record.Message.Timestamp.UnixTimestampMs.ToString(CultureInfo.InvariantCulture);
        return new BrokerMessage(
            MessageId(record.TopicPartitionOffset),
            record.Topic,
            record.Message.Value ?? [],
            contentType,
            metadata,
            deliveryCount);
    }

    /// <summary><c>&lt;partition&gt;-&lt;offset&gt;</c>: unique within a topic.</summary>
    public static string MessageId(TopicPartitionOffset position) =>
        string.Create(CultureInfo.InvariantCulture, $"{position.Partition.Value}-{position.Offset.Value}");
}
