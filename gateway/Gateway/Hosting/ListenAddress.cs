using System.Net;

namespace Gateway.Hosting;

/// <summary>The <c>--listen</c> value: <c>https://HOST:PORT</c>, HOST an IP address or <c>localhost</c>.</summary>
internal sealed record ListenAddress(IPAddress Address, int Port)
{
    public static bool TryParse(string value, out ListenAddress address, out string error)
    {
        address = null!;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            error = $"--listen '{value}' is not of the form https://HOST:PORT (the gateway serves HTTPS only)";
            return false;
        }

        IPAddress? ip;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out ip))
        {
            error = $"--listen '{value}': the host must be an IP address or 'localhost' (use 0.0.0.0 to listen on every interface)";
            return false;
        }

        address = new ListenAddress(ip, uri.Port);
        error = "";
        return true;
    }
}
