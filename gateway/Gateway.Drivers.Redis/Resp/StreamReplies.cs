using System.Globalization;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>Decodes the stream-shaped replies of <c>XRANGE</c>, <c>XREADGROUP</c>, <c>XCLAIM</c> and <c>XPENDING</c>.</summary>
internal static class StreamReplies
{
    /// <summary>
    /// An array of <c>[id, [field, value, ...]]</c>. Null items, and entries whose fields are null
    /// (deleted while pending), are left out: there is nothing to deliver.
    /// </summary>
    public static IReadOnlyList<StreamEntry> Entries(RespValue reply)
    {
        if (reply.IsNull)
        {
            return [];
        }

        var entries = new List<StreamEntry>(reply.Items.Count);
        foreach (var item in reply.Items)
        {
            if (item.IsNull || item.Items.Count < 2 || item.Items[1].IsNull)
            {
                continue;
            }

            var values = item.Items[1].Items;
            var fields = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>(values.Count / 2);
            for (var i = 0; i + 1 < values.Count; i += 2)
            {
                fields.Add(new(values[i].AsString() ?? "", values[i + 1].Bytes));
            }

            entries.Add(new StreamEntry(item.Items[0].AsString() ?? "", fields));
        }

        return entries;
    }

    /// <summary>One <c>[id, consumer, idle-ms, deliveries]</c> line of the extended <c>XPENDING</c> form.</summary>
    public static PendingEntry Pending(RespValue line)
    {
        if (line.Items.Count < 4)
        {
            throw new RespProtocolException($"an XPENDING line of {line.Items.Count} items");
        }

        return new PendingEntry(
            line.Items[0].AsString() ?? "",
            line.Items[1].AsString() ?? "",
            TimeSpan.FromMilliseconds(line.Items[2].AsInteger()),
            line.Items[3].AsInteger());
    }
}
