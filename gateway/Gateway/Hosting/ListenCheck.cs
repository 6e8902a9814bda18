using System.Net;
using System.Net.Sockets;

namespace Gateway.Hosting;

/// <summary>
/// Checks the listen addresses before anything starts or is written: each parses, and each port is free
/// (port 0 picks one later). The answer is one line naming the problem and the fix.
/// </summary>
internal static class ListenCheck
{
    public static string? Problem(GatewayOptions options)
    {
        if (!ListenAddress.TryParse(options.Listen, out var listen, out var listenError))
        {
            return listenError;
        }

        if (Taken(listen) is { } taken)
        {
            return $"cannot listen on {options.Listen}: {taken}" + (listen.Port == 3500 ? " (3500 is also a Dapr sidecar's default port)" : "")
                + "; stop what uses it or choose another address with --listen https://HOST:PORT";
        }

        if (options.MetricsListen is not { Length: > 0 } metrics)
        {
            return null;
        }

        if (!MetricsListenAddress.TryParse(metrics, out var metricsListen, out var metricsError))
        {
            return metricsError;
        }

        return Taken(metricsListen) is { } metricsTaken
            ? $"cannot serve metrics on {metrics}: {metricsTaken}; choose another address with --metrics-listen http://HOST:PORT"
            : null;
    }

    /// <summary>Why the address cannot be bound now; null when it can.</summary>
    private static string? Taken(ListenAddress address)
    {
        if (address.Port == 0)
        {
            return null;
        }

        using var probe = new Socket(address.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address.Address, address.Port));
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return "the address is already in use";
        }
        catch (SocketException ex)
        {
            return ex.Message;
        }
    }
}
