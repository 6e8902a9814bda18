using Gateway.Credentials.WorkloadApi;

namespace Gateway.Tests.Credentials.WorkloadApi;

public sealed class WorkloadApiEndpointTests
{
    [Theory]
    [InlineData("unix:///run/spire/sockets/agent.sock", "/run/spire/sockets/agent.sock")]
    [InlineData("unix:/run/spire/agent-sockets/spire-agent.sock", "/run/spire/agent-sockets/spire-agent.sock")]
    public void UnixSocket_WithAnAbsolutePath_IsAccepted(string value, string path)
    {
        Assert.True(WorkloadApiEndpoint.TryParse(value, out var endpoint, out _));
        Assert.Equal(path, endpoint.SocketPath);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:8081", "127.0.0.1:8081")]
    [InlineData("tcp://[::1]:8081", "[::1]:8081")]
    public void Tcp_WithAnIpAndPort_IsAccepted(string value, string address)
    {
        Assert.True(WorkloadApiEndpoint.TryParse(value, out var endpoint, out _));
        Assert.Equal(address, endpoint.Tcp!.ToString());
    }

    [Theory]
    [InlineData("unix://agent/run/agent.sock")]
    [InlineData("unix:relative/agent.sock")]
    [InlineData("unix:///run/agent.sock?x=1")]
    [InlineData("tcp://localhost:8081")]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("/run/spire/sockets/agent.sock")]
    [InlineData("http://127.0.0.1:8081")]
    public void AnythingElse_IsRefusedSayingWhatWorks(string value)
    {
        Assert.False(WorkloadApiEndpoint.TryParse(value, out _, out var error));
        Assert.Contains("unix:///absolute/path", error, StringComparison.Ordinal);
    }
}
