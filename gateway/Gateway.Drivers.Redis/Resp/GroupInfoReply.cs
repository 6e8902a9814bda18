namespace Gateway.Drivers.Redis.Resp;

/// <summary>Reads one group's <c>lag</c> out of an <c>XINFO GROUPS</c> reply (RESP2 flat pairs or RESP3 maps, alike as items).</summary>
internal static class GroupInfoReply
{
    public static long? LagOf(RespValue reply, string group)
    {
        foreach (var entry in reply.Items)
        {
            string? name = null;
            RespValue? lag = null;
            for (var i = 0; i + 1 < entry.Items.Count; i += 2)
            {
                switch (entry.Items[i].AsString())
                {
                    case "name":
                        name = entry.Items[i + 1].AsString();
                        break;
                    case "lag":
                        lag = entry.Items[i + 1];
                        break;
                }
            }

            if (name == group)
            {
                return lag is null || lag.IsNull ? null : lag.AsInteger();
            }
        }

        return null;
    }
}
