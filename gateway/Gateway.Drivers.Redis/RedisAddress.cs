using System.Globalization;

namespace Gateway.Drivers.Redis;

/// <summary>One address of <c>redisHost</c>. Shown in every error as <c>host:port</c>.</summary>
internal sealed record RedisAddress(string Host, int Port)
{
    public const int DefaultPort = 6379;

    /// <summary>
    /// Reads the comma-separated list of <c>redisHost</c>: <c>host</c>, <c>host:port</c>, <c>[v6]</c> or
    /// <c>[v6]:port</c> each. An address without a port takes <paramref name="port"/> (0: 6379). Null when
    /// an address cannot be read, or names a port other than a non-zero <paramref name="port"/> (Dapr's rule).
    /// </summary>
    public static IReadOnlyList<RedisAddress>? ParseList(string text, int port)
    {
        var addresses = new List<RedisAddress>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, port, out var address))
            {
                return null;
            }

            addresses.Add(address);
        }

        return addresses.Count > 0 ? addresses : null;
    }

    private static bool TryParse(string value, int defaultPort, out RedisAddress address)
    {
        address = null!;
        string host;
        string? portText = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']');
            if (close < 0 || (close + 1 < value.Length && value[close + 1] != ':'))
            {
                return false;
            }

            host = value[1..close];
            portText = close + 1 < value.Length ? value[(close + 2)..] : null;
        }
        else
        {
            var colon = value.LastIndexOf(':');
            // More than one colon without brackets: a bare IPv6 address, no port.
            colon = colon >= 0 && value.IndexOf(':') == colon ? colon : -1;
            host = colon < 0 ? value : value[..colon];
            portText = colon < 0 ? null : value[(colon + 1)..];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var port = defaultPort == 0 ? DefaultPort : defaultPort;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var written) || written is < 1 or > 65535
                || (defaultPort != 0 && written != defaultPort))
            {
                return false;
            }

            port = written;
        }

        address = new RedisAddress(host, port);
        return true;
    }

    public override string ToString() =>
        Host.Contains(':') ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
