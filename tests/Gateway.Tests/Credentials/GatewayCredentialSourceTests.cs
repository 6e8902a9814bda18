using Gateway.Credentials;
using Gateway.Hosting;

namespace Gateway.Tests.Credentials;

/// <summary>Which credential source <c>gateway run</c> picks, and which combinations it refuses.</summary>
public sealed class GatewayCredentialSourceTests
{
    private static string? Spire(string name) => name == "SPIFFE_ENDPOINT_SOCKET" ? "unix:///run/spire/sockets/agent.sock" : null;

    [Fact]
    public void SpiffeEndpointSocketSet_NoSvidFiles_TheWorkloadApiIsUsed()
    {
        var options = new GatewayOptions();

        var endpoint = GatewayCredentialSource.Resolve(options, Spire);

        Assert.Equal("/run/spire/sockets/agent.sock", endpoint?.SocketPath);
        Assert.Equal("unix:///run/spire/sockets/agent.sock", options.WorkloadApi.Endpoint);
    }

    [Fact]
    public void SpiffeEndpointSocketSet_SvidFilesGiven_TheFilesAreUsed()
    {
        var options = new GatewayOptions { SvidCert = "svid.pem", SvidKey = "svid_key.pem" };

        Assert.Null(GatewayCredentialSource.Resolve(options, Spire));
        Assert.False(options.WorkloadApi.IsEnabled);
    }

    [Fact]
    public void SpiffeEndpointSocketSet_DevMode_TheDevelopmentFilesAreUsed() =>
        Assert.Null(GatewayCredentialSource.Resolve(new GatewayOptions { Dev = true }, Spire));

    [Fact]
    public void NothingSet_TheFilesAreUsed() => Assert.Null(GatewayCredentialSource.Resolve(new GatewayOptions(), _ => null));

    [Fact]
    public void ExplicitEndpoint_WithSvidAndBundleFiles_IsRefusedNamingBoth()
    {
        var options = new GatewayOptions { SvidCert = "svid.pem", SvidKey = "svid_key.pem", TrustBundles = { ["example.org"] = "bundle.pem" } };
        options.WorkloadApi.Endpoint = "unix:///run/spire/sockets/agent.sock";

        var ex = Assert.Throws<InvalidOperationException>(() => GatewayCredentialSource.Resolve(options, _ => null));

        Assert.Contains("--svid-cert", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--trust-bundle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitEndpoint_Malformed_IsRefused()
    {
        var options = new GatewayOptions();
        options.WorkloadApi.Endpoint = "tcp://spire-agent:8081";

        var ex = Assert.Throws<InvalidOperationException>(() => GatewayCredentialSource.Resolve(options, _ => null));

        Assert.Contains("not a host name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SvidChoiceWithoutAnEndpoint_IsRefused()
    {
        var options = new GatewayOptions { SvidCert = "svid.pem", SvidKey = "svid_key.pem" };
        options.WorkloadApi.Hint = "internal";

        var ex = Assert.Throws<InvalidOperationException>(() => GatewayCredentialSource.Resolve(options, _ => null));

        Assert.Contains("need --spiffe-endpoint", ex.Message, StringComparison.Ordinal);
    }
}
