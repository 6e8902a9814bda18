using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Gateway.LoadGen.Metrics;

/// <summary>
/// How many clients a redis-server has connected: <c>INFO clients</c> asked over a fresh connection of its own
/// (plain RESP on a socket, so exactly one connection asks), not counting that connection.
/// </summary>
internal static class RedisClients
{
    private static readonly byte[] InfoClients = "*2\r\n$4\r\nINFO\r\n$7\r\nclients\r\n"u8.ToArray();

    /// <param name="address"><c>host:port</c>.</param>
    public static async Task<int> CountAsync(string address, CancellationToken cancellationToken)
    {
        var colon = address.LastIndexOf(':');
        using var client = new TcpClient();
        await client.ConnectAsync(address[..colon], int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture), cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(InfoClients, cancellationToken);
        return OthersThanTheAsker(await ReadBulkStringAsync(stream, cancellationToken));
    }

    /// <summary><c>connected_clients</c> of an <c>INFO</c> reply, minus the one connection that asked.</summary>
    /// <exception cref="FormatException">The reply has no <c>connected_clients</c> line.</exception>
    public static int OthersThanTheAsker(string info)
    {
        const string Field = "connected_clients:";
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith(Field, StringComparison.Ordinal))
            {
                return int.Parse(line[Field.Length..].Trim(), CultureInfo.InvariantCulture) - 1;
            }
        }

        throw new FormatException($"the INFO reply has no '{Field}' line: {info}");
    }

    /// <summary>A RESP bulk string reply (<c>$&lt;length&gt;\r\n&lt;bytes&gt;\r\n</c>).</summary>
    private static async Task<string> ReadBulkStringAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfCrLf(buffer)) < 0 || buffer.Count < headerEnd + 2 + Length(buffer, headerEnd) + 2)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                throw new IOException("redis-server closed the connection before answering INFO");
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        return Encoding.UTF8.GetString([.. buffer.Skip(headerEnd + 2).Take(Length(buffer, headerEnd))]);
    }

    private static int Length(List<byte> buffer, int headerEnd)
    {
        var header = Encoding.ASCII.GetString([.. buffer.Take(headerEnd)]);
        return header.StartsWith('$')
            ? int.Parse(header[1..], CultureInfo.InvariantCulture)
            : throw new IOException($"redis-server answered INFO with '{header}'");
    }

    private static int IndexOfCrLf(List<byte> buffer)
    {
        for (var i = 0; i + 1 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
