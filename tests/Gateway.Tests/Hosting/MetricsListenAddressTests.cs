using System.Net;
using Gateway.Hosting;

namespace Gateway.Tests.Hosting;

public sealed class MetricsListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9090", "127.0.0.1", 9090)]
    [InlineData("http://0.0.0.0:9464", "0.0.0.0", 9464)]
    [InlineData("http://localhost:0", "127.0.0.1", 0)]
    [InlineData("http://[::1]:9090", "::1", 9090)]
    public void TryParse_HttpHostPort_IsAccepted(string value, string address, int port)
    {
        Assert.True(MetricsListenAddress.TryParse(value, out var parsed, out _));
        Assert.Equal(IPAddress.Parse(address), parsed.Address);
        Assert.Equal(port, parsed.Port);
    }

    [Theory]
    [InlineData("https://127.0.0.1:9090", "plain HTTP")]
    [InlineData("http://127.0.0.1:9090/metrics", "http://HOST:PORT")]
    [InlineData("127.0.0.1:9090", "http://HOST:PORT")]
    [InlineData("http://metrics.example:9090", "IP address or 'localhost'")]
    public void TryParse_OtherForms_AreRefusedNamingTheFlag(string value, string hint)
    {
        Assert.False(MetricsListenAddress.TryParse(value, out _, out var error));
        Assert.Contains("--metrics-listen", error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }
}
