using System.Text;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary><c>excludeHeaderMetaRegex</c> and <c>escapeHeaders</c>, on the record layout both ways.</summary>
public sealed class KafkaHeaderPolicyTests
{
    private static readonly KafkaHeaderPolicy ExcludeSchemaType = new(new Regex("^valueSchemaType$"), Escape: false);

    [Fact]
    public void Publish_MetadataMatchingTheExcludeRegex_IsNotWrittenAsAHeader()
    {
        var request = new PublishRequest("orders", "{}"u8.ToArray(), "application/json",
            new Dictionary<string, string> { ["valueSchemaType"] = "Avro", ["traceparent"] = "00-abc" });

        var record = KafkaRecordLayout.ToRecord(request, ExcludeSchemaType);

        Assert.Equal(["traceparent", KafkaRecordLayout.ContentTypeHeader], record.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Consume_HeaderMatchingTheExcludeRegex_IsNotDelivered()
    {
        var message = KafkaRecordLayout.ToBrokerMessage(Record(("valueSchemaType", "Avro"), ("traceparent", "00-abc")), 1, ExcludeSchemaType);

        Assert.False(message.Metadata.ContainsKey("valueSchemaType"));
        Assert.Equal("00-abc", message.Metadata["traceparent"]);
    }

    [Fact]
    public void Consume_WithEscapeHeaders_UrlEscapesHeaderValuesAndTheKey()
    {
        var message = KafkaRecordLayout.ToBrokerMessage(Record(("note", "a b\nc")), 1, new KafkaHeaderPolicy(null, Escape: true));

        Assert.Equal("a%20b%0Ac", message.Metadata["note"]);
        Assert.Equal("key%2F1", message.Metadata[KafkaRecordLayout.KeyMetadata]);
    }

    [Fact]
    public void Consume_WithoutAPolicy_DeliversHeadersUnchanged()
    {
        var message = KafkaRecordLayout.ToBrokerMessage(Record(("note", "a b")), 1);

        Assert.Equal(("a b", "key/1"), (message.Metadata["note"], message.Metadata[KafkaRecordLayout.KeyMetadata]));
    }

    private static ConsumeResult<byte[]?, byte[]?> Record(params (string Name, string Value)[] headers)
    {
        var recordHeaders = new Headers();
        foreach (var (name, value) in headers)
        {
            recordHeaders.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return new ConsumeResult<byte[]?, byte[]?>
        {
            TopicPartitionOffset = new TopicPartitionOffset("orders", 0, 7),
            Message = new Message<byte[]?, byte[]?> { Key = "key/1"u8.ToArray(), Value = "{}"u8.ToArray(), Headers = recordHeaders, Timestamp = new Timestamp(0, TimestampType.CreateTime) },
        };
    }
}
