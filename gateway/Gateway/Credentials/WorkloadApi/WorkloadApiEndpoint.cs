using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Where the Workload API listens: <c>unix:///absolute/path</c> (a SPIRE agent's socket) or
/// <c>tcp://IP:PORT</c> (an IP address, never a host name). Plain gRPC over HTTP/2 without TLS: the agent
/// knows its caller by the socket peer, not by a credential.
/// </summary>
internal sealed class WorkloadApiEndpoint
{
    private WorkloadApiEndpoint(string text, string? socketPath, IPEndPoint? tcp)
    {
        Text = text;
        SocketPath = socketPath;
        Tcp = tcp;
    }

    /// <summary>The endpoint as configured, for messages.</summary>
    public string Text { get; }

    /// <summary>The Unix socket's path, or null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>The TCP address, or null for a Unix socket.</summary>
    public IPEndPoint? Tcp { get; }

    public static bool TryParse(string value, out WorkloadApiEndpoint endpoint, out string error)
    {
        endpoint = null!;
        error = string.Empty;
        const string Form = "use unix:///absolute/path/to/agent.sock or tcp://IP:PORT";
        if (value.StartsWith("unix:", StringComparison.Ordinal))
        {
            // unix:///path (empty authority) and unix:/path name the same socket; unix://host/path does not exist.
            var rest = value["unix:".Length..];
            var path = rest.StartsWith("///", StringComparison.Ordinal) ? rest[2..] : rest.StartsWith("//", StringComparison.Ordinal) ? null : rest;
            if (path is null || !path.StartsWith('/') || path.Length < 2 || path.IndexOfAny(['?', '#']) >= 0)
            {
                error = $"SPIFFE endpoint '{value}' is not a Unix socket with an absolute path; {Form}";
                return false;
            }

            endpoint = new WorkloadApiEndpoint(value, path, null);
            return true;
        }

        if (value.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var authority = value["tcp://".Length..];
            if (!IPEndPoint.TryParse(authority, out var ip) || ip.Port == 0 || !HasExplicitPort(authority))
            {
                error = $"SPIFFE endpoint '{value}' is not tcp://IP:PORT (an IP address, not a host name, and a port); {Form}";
                return false;
            }

            endpoint = new WorkloadApiEndpoint(value, null, ip);
            return true;
        }

        error = $"SPIFFE endpoint '{value}' has neither the unix: nor the tcp: scheme; {Form}";
        return false;
    }

    /// <summary>A gRPC channel to the endpoint; HTTP/2 with prior knowledge, no TLS.</summary>
    public GrpcChannel CreateChannel()
    {
        var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (SocketPath is { } path)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        // For a Unix socket the authority is only a name in the :authority header.
        var address = Tcp is { } tcp ? $"http://{tcp}" : "http://localhost";
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true, ThrowOperationCanceledOnCancellation = true });
    }

    public override string ToString() => Text;

    // IPEndPoint.TryParse takes "127.0.0.1" as port 0; a Workload API endpoint must say its port.
    private static bool HasExplicitPort(string authority) =>
        authority.StartsWith('[') ? authority.Contains("]:", StringComparison.Ordinal) : authority.Contains(':', StringComparison.Ordinal) && authority.Count(c => c == ':') == 1;
}
