using Gateway.Credentials;
using Gateway.Hosting;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Credentials;

public sealed class CredentialBoundClientsTests : IDisposable
{
    private readonly TestPki pki = new();

    public void Dispose() => pki.Dispose();

    private GatewayCredentials Load() => GatewayCredentials.Load(new GatewayOptions
    {
        SvidCert = pki.GatewayCertPath,
        SvidKey = pki.GatewayKeyPath,
        TrustBundles = { [pki.TrustDomain] = pki.CaPath },
    });

    [Fact]
    public void Acquire_AfterTheCredentialsChange_GivesANewClientAndDisposesTheOldOnceIdle()
    {
        var store = new CredentialStore(Load());
        var created = 0;
        using var clients = new CredentialBoundClients(() => store.Current, _ => { created++; return new HttpClient(); });

        var first = clients.Acquire();
        using (var again = clients.Acquire())
        {
            Assert.Same(first.Client, again.Client);
        }

        store.Replace(Load());
        using var second = clients.Acquire();

        Assert.NotSame(first.Client, second.Client);
        Assert.Same(store.Current, second.Credentials);
        Assert.Equal(2, created);
        first.Dispose();
        Assert.Throws<ObjectDisposedException>(() => first.Client.CancelPendingRequests());
    }
}
