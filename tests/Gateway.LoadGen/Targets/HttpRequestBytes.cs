using System.Net;
using System.Text;
using Gateway.LoadGen.Load;

namespace Gateway.LoadGen.Targets;

/// <summary>A whole HTTP/1.1 POST (head and body) as bytes, with the offsets where the body's stamps go.</summary>
internal sealed class HttpRequestBytes
{
    public HttpRequestBytes(IPEndPoint endpoint, string path, byte[] body, bool closeConnection)
    {
        var head = $"POST {path} HTTP/1.1\r\nHost: {endpoint}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n"
            + (closeConnection ? "Connection: close\r\n" : "") + "\r\n";
        Bytes = [.. Encoding.ASCII.GetBytes(head), .. body];
        StampOffsets = Payload.StampOffsets(Bytes);
    }

    public byte[] Bytes { get; }

    public int[] StampOffsets { get; }

    /// <summary>A copy for one worker, which writes stamps into it.</summary>
    public byte[] CopyForWorker() => (byte[])Bytes.Clone();
}
