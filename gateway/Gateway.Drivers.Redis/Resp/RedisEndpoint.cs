using System.Globalization;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>Where a Redis server listens. Shown in every error as <c>host:port</c>.</summary>
internal sealed record RedisEndpoint(string Host, int Port)
{
    public const int DefaultPort = 6379;

    /// <summary>Reads <c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c>; the port defaults to 6379.</summary>
    public static bool TryParse(string text, out RedisEndpoint? endpoint)
    {
        endpoint = null;
        var value = text.Trim();
        string host;
        var portText = (string?)null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                portText = rest[1..];
            }
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon >= 0 && value.IndexOf(':') != colon)
            {
                // More than one colon without brackets: a bare IPv6 address, no port.
                colon = -1;
            }

            host = colon < 0 ? value : value[..colon];
            portText = colon < 0 ? null : value[(colon + 1)..];
        }

        var port = DefaultPort;
        if (host.Length == 0 || host.Any(char.IsWhiteSpace) || host.Contains(','))
        {
            return false;
        }

        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return false;
        }

        endpoint = new RedisEndpoint(host, port);
        return true;
    }

    public override string ToString() =>
        Host.Contains(':') ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
