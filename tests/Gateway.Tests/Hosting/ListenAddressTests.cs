using System.Net;
using Gateway.Hosting;

namespace Gateway.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("https://127.0.0.1:3500", "127.0.0.1", 3500)]
    [InlineData("https://0.0.0.0:8443", "0.0.0.0", 8443)]
    [InlineData("https://localhost:0", "127.0.0.1", 0)]
    [InlineData("https://[::1]:443", "::1", 443)]
    [InlineData("https://127.0.0.1", "127.0.0.1", 443)]
    public void TryParse_AcceptsHttpsHostPort(string value, string address, int port)
    {
        Assert.True(ListenAddress.TryParse(value, out var listen, out _));
        Assert.Equal(new ListenAddress(IPAddress.Parse(address), port), listen);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3500", "HTTPS only")]
    [InlineData("127.0.0.1:3500", "https://HOST:PORT")]
    [InlineData("https://example.com:3500", "IP address or 'localhost'")]
    [InlineData("https://127.0.0.1:3500/path", "https://HOST:PORT")]
    public void TryParse_RefusesOtherForms_SayingWhy(string value, string expected)
    {
        Assert.False(ListenAddress.TryParse(value, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
