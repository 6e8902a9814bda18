using System.Text;

namespace Gateway.Drivers;

/// <summary>
/// A message's content type as the UTF-8 bytes a driver stores beside the data (a Redis entry field, a Kafka
/// header). The content type of nearly every publish, a structured CloudEvent, is encoded once for the process.
/// </summary>
public static class ContentTypeBytes
{
    /// <summary>The content type the gateway gives every CloudEvent it stores.</summary>
    public const string StructuredCloudEvent = "application/cloudevents+json";

    private static readonly byte[] Structured = Encoding.UTF8.GetBytes(StructuredCloudEvent);

    /// <summary>
    /// The bytes of <paramref name="contentType"/>. The array may be shared: clients that copy it when the message
    /// is handed over (StackExchange.Redis, Confluent.Kafka) may keep it; nobody may write to it.
    /// </summary>
    public static byte[] Of(string contentType) =>
        contentType == StructuredCloudEvent ? Structured : Encoding.UTF8.GetBytes(contentType);
}
