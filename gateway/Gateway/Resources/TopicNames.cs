using Gateway.Drivers;

namespace Gateway.Resources;

/// <summary>
/// What every topic an app publishes to or subscribes to must be, whatever declared it: no control
/// characters (they would forge log lines and break headers), and not a name the gateway keeps for its own
/// records (<see cref="GatewayOwnedNames"/>).
/// </summary>
internal static class TopicNames
{
    /// <summary>Why <paramref name="topic"/> cannot be used by apps; null when it can.</summary>
    public static string? Problem(string topic)
    {
        foreach (var c in topic)
        {
            if (char.IsControl(c))
            {
                return $"the topic contains the control character U+{(int)c:X4}";
            }
        }

        return GatewayOwnedNames.IsReserved(topic)
            ? $"topics starting with {string.Join(" or ", GatewayOwnedNames.Prefixes.Select(prefix => $"'{prefix}'"))} are reserved for the gateway's own records"
            : null;
    }
}
