using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>
/// Each kind of bad client certificate through the real TLS handshake on Kestrel: the gateway refuses
/// it with a 401 that names the rule, and a good one (also through an intermediate) publishes.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class IdentityHandshakeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private const string App1 = "spiffe://example.org/ns/default/app1";

    private readonly TestPki _pki = new();
    private readonly X509Certificate2 _exampleRoot = TestCertificates.Root("example.org", Now.AddDays(-1), Now.AddDays(30));
    private readonly X509Certificate2 _otherRoot = TestCertificates.Root("other.org", Now.AddDays(-1), Now.AddDays(30));
    private GatewayTestHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        var example = Path.Combine(_pki.Directory, "example.org.pem");
        var other = Path.Combine(_pki.Directory, "other.org.pem");
        await File.WriteAllTextAsync(example, _exampleRoot.ExportCertificatePem());
        await File.WriteAllTextAsync(other, _otherRoot.ExportCertificatePem());
        _gateway = await GatewayTestHost.StartAsync(_pki, TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }), options =>
            {
                options.TrustBundles["example.org"] = example;
                options.TrustBundles["other.org"] = other;
            });
    }

    private X509Certificate2 Leaf(X509Certificate2 issuer, string[]? uris = null, bool isCa = false, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature,
        string[]? ekus = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        TestCertificates.Leaf(issuer, uris ?? [App1], isCa, usage, ekus, notBefore ?? Now.AddHours(-1), notAfter ?? Now.AddHours(1), dnsNames: uris is [] ? ["app1.example.org"] : null);

    private async Task<(HttpStatusCode Status, string? Message)> PublishWith(X509Certificate2 certificate, params X509Certificate2[] intermediates)
    {
        using var client = _gateway.ClientWith(certificate, [.. intermediates]);
        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ValidLeaf_Publishes()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await PublishWith(Leaf(_exampleRoot))).Status);
    }

    [Fact]
    public async Task ChainThroughIntermediate_PublishesWhenTheClientSendsIt_AndIsRefusedWhenItDoesNot()
    {
        var intermediate = TestCertificates.Intermediate(_exampleRoot, "example.org", notBefore: Now.AddHours(-2), notAfter: Now.AddDays(2));
        var leaf = Leaf(intermediate);

        Assert.Equal(HttpStatusCode.NoContent, (await PublishWith(leaf, intermediate)).Status);
        var (status, message) = await PublishWith(leaf);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("does not verify", message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadCertificates => new()
    {
        { "ExpiredLeaf", "expired" },
        { "NotYetValidLeaf", "not valid before" },
        { "CaLeaf", "CA flag set to true" },
        { "KeyCertSignLeaf", "KeyCertSign" },
        { "TwoUriSans", "more than one URI SAN" },
        { "NoUriSan", "no URI SAN" },
        { "RootIdLeaf", "has no path" },
        { "EkuServerOnlyLeaf", "does not include clientAuth" },
        { "WrongTrustDomain", "does not verify" },
        { "UnknownTrustDomain", "no X.509 bundle found for trust domain: \"unknown.org\"" },
        { "IntermediateFromAnotherDomain", "does not verify" },
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public async Task BadCertificate_IsRefusedWith401NamingTheRule(string kind, string reason)
    {
        var foreignIntermediate = TestCertificates.Intermediate(_otherRoot, "other.org", notBefore: Now.AddHours(-2), notAfter: Now.AddDays(2));
        var (certificate, intermediates) = kind switch
        {
            "ExpiredLeaf" => (Leaf(_exampleRoot, notBefore: Now.AddDays(-2), notAfter: Now.AddMinutes(-5)), Array.Empty<X509Certificate2>()),
            "NotYetValidLeaf" => (Leaf(_exampleRoot, notBefore: Now.AddHours(1), notAfter: Now.AddDays(1)), []),
            "CaLeaf" => (Leaf(_exampleRoot, isCa: true), []),
            "KeyCertSignLeaf" => (Leaf(_exampleRoot, usage: X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign), []),
            "TwoUriSans" => (Leaf(_exampleRoot, uris: [App1, "spiffe://example.org/ns/default/app2"]), []),
            "NoUriSan" => (Leaf(_exampleRoot, uris: []), []),
            "RootIdLeaf" => (Leaf(_exampleRoot, uris: ["spiffe://example.org"]), []),
            "EkuServerOnlyLeaf" => (Leaf(_exampleRoot, ekus: [TestCertificates.ServerAuth]), []),
            "WrongTrustDomain" => (Leaf(_otherRoot), []),
            "UnknownTrustDomain" => (Leaf(_exampleRoot, uris: ["spiffe://unknown.org/ns/default/app1"]), []),
            "IntermediateFromAnotherDomain" => (Leaf(foreignIntermediate), [foreignIntermediate]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var (status, message) = await PublishWith(certificate, intermediates);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("client certificate refused: ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _pki.Dispose();
    }
}
