using System.Net;
using Gateway.Hosting;

namespace Gateway.Hosting;

/// <summary>
/// The <c>--metrics-listen</c> value: <c>http://HOST:PORT</c>, HOST an IP address or <c>localhost</c>.
/// Plain HTTP on purpose: Prometheus scrapers rarely hold SVIDs, and the port serves nothing but numbers.
/// </summary>
internal static class MetricsListenAddress
{
    public static bool TryParse(string value, out ListenAddress address, out string error)
    {
        address = null!;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            error = $"--metrics-listen '{value}' is not of the form http://HOST:PORT (the metrics port serves plain HTTP)";
            return false;
        }

        IPAddress? ip;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out ip))
        {
            error = $"--metrics-listen '{value}': the host must be an IP address or 'localhost' (use 0.0.0.0 to listen on every interface)";
            return false;
        }

        address = new ListenAddress(ip, uri.Port);
        error = "";
        return true;
    }
}
