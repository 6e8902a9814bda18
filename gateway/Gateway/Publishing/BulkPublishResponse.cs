using System.Text.Json;
using Gateway.Drivers;

namespace Gateway.Publishing;

/// <summary>
/// Dapr's non-standard 500 body for a bulk publish with failed entries. Each entry carries both
/// <c>entryId</c> (Dapr's spelling) and <c>entryID</c> (the only one the Dapr JS SDK reads).
/// </summary>
internal static class BulkPublishResponse
{
    public static byte[] FailedEntries(IReadOnlyList<BulkPublishFailure> failures)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("failedEntries");
            foreach (var failure in failures)
            {
                writer.WriteStartObject();
                writer.WriteString("entryId", failure.EntryId);
                writer.WriteString("entryID", failure.EntryId);
                if (failure.Error.Message.Length > 0)
                {
                    writer.WriteString("error", failure.Error.Message);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("errorCode", "ERR_PUBSUB_PUBLISH_MESSAGE");
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
