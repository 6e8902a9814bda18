using System.Security.Cryptography.X509Certificates;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// A development CA and the SVIDs of the gateway, the subscriber app and the publisher, made with the
/// real <c>gateway certs init|issue</c> commands into a temporary folder.
/// </summary>
public sealed class FaultPki : IAsyncLifetime
{
    public const string TrustDomain = "public";
    public const string SubscriberAppId = "subscriber";
    public const string PublisherAppId = "publisher";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gateway-faults-pki-").FullName;

    public string CaDirectory => Path.Combine(Directory, "ca");

    public string CaPath => Path.Combine(CaDirectory, "ca.crt");

    public string GatewayCertPath => Path.Combine(Directory, "gateway.crt");

    public string GatewayKeyPath => Path.Combine(Directory, "gateway.key");

    internal X509Certificate2 Ca { get; private set; } = null!;

    internal X509Certificate2 Subscriber { get; private set; } = null!;

    internal X509Certificate2 Publisher { get; private set; } = null!;

    /// <summary>The <c>gateway run</c> arguments that give it its SVID and trust the CA.</summary>
    public IReadOnlyList<string> RunArguments =>
        ["--svid-cert", GatewayCertPath, "--svid-key", GatewayKeyPath, "--trust-bundle", $"{TrustDomain}={CaPath}"];

    public async ValueTask InitializeAsync()
    {
        await CliAsync("certs", "init", "--out", CaDirectory, "--trust-domain", TrustDomain);
        foreach (var appId in new[] { "gateway", SubscriberAppId, PublisherAppId })
        {
            await CliAsync("certs", "issue", "--ca", CaDirectory, "--app-id", appId, "--dns", "localhost", "--ip", "127.0.0.1", "--out", Directory);
        }

        Ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(CaPath));
        Subscriber = Load(SubscriberAppId);
        Publisher = Load(PublisherAppId);
    }

    /// <summary>A keep-alive client that trusts the CA and presents the publisher's SVID.</summary>
    internal HttpClient PublisherClient(Uri gateway) => TlsClients.Create(gateway, Ca, Publisher);

    public ValueTask DisposeAsync()
    {
        Ca.Dispose();
        Subscriber.Dispose();
        Publisher.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private X509Certificate2 Load(string appId) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(Directory, appId + ".crt"), Path.Combine(Directory, appId + ".key"));

    private async Task CliAsync(params string[] args)
    {
        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(Directory, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"gateway {string.Join(' ', args)} exited with {exitCode}: {stdout}{stderr}");
        }
    }
}
