using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>Reads stream entries out of StackExchange.Redis replies: its typed entries, and the raw <c>XREADGROUP</c> reply of a blocking read.</summary>
internal static class StreamReplies
{
    public static StreamEntry FromClient(StackExchange.Redis.StreamEntry entry) =>
        new(entry.Id!, [.. entry.Values.Select(v => new KeyValuePair<string, ReadOnlyMemory<byte>>(v.Name!, (byte[]?)v.Value ?? []))]);

    /// <summary>
    /// <c>XREADGROUP</c> answers with a map of stream name to entries (RESP3) or <c>[[name, entries], ...]</c>
    /// (RESP2); null when nothing arrived. Entries without fields (deleted while pending) are skipped.
    /// </summary>
    public static IReadOnlyList<StreamEntry> FromReadGroup(RedisResult reply) =>
        [.. FromReadGroupByStream(reply).SelectMany(stream => stream.Entries)];

    /// <summary>The same reply, each stream's entries apart (a read of several streams), in the server's order.</summary>
    public static IReadOnlyList<(string Stream, IReadOnlyList<StreamEntry> Entries)> FromReadGroupByStream(RedisResult reply)
    {
        if (reply.IsNull || reply.Length <= 0)
        {
            return [];
        }

        var streams = new List<(string, IReadOnlyList<StreamEntry>)>();
        var items = (RedisResult[])reply!;
        if (reply.Resp3Type == ResultType.Map)
        {
            for (var i = 0; i + 1 < items.Length; i += 2)
            {
                streams.Add(((string)items[i]!, Entries(items[i + 1])));
            }
        }
        else
        {
            foreach (var pair in items)
            {
                var parts = (RedisResult[])pair!;
                streams.Add(((string)parts[0]!, Entries(parts[1])));
            }
        }

        return streams;
    }

    private static List<StreamEntry> Entries(RedisResult list)
    {
        var entries = new List<StreamEntry>();
        AddEntries(list, entries);
        return entries;
    }

    private static void AddEntries(RedisResult list, List<StreamEntry> entries)
    {
        if (list.IsNull)
        {
            return;
        }

        foreach (var item in (RedisResult[])list!)
        {
            var parts = (RedisResult[])item!;
            if (parts.Length < 2 || parts[1].IsNull)
            {
                continue;
            }

            var values = (RedisResult[])parts[1]!;
            var fields = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>(values.Length / 2);
            for (var i = 0; i + 1 < values.Length; i += 2)
            {
                fields.Add(new((string)values[i]!, (byte[]?)values[i + 1] ?? []));
            }

            entries.Add(new StreamEntry((string)parts[0]!, fields));
        }
    }
}
