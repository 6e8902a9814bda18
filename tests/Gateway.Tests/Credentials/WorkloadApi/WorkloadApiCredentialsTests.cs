using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Credentials.WorkloadApi;
using Google.Protobuf;
using static Gateway.Tests.Credentials.WorkloadApi.WorkloadApiMessages;

namespace Gateway.Tests.Credentials.WorkloadApi;

/// <summary>What the gateway makes of one Workload API state, including what a hostile or broken agent might send.</summary>
public sealed class WorkloadApiCredentialsTests : IDisposable
{
    private readonly DevCertificateAuthority ca = DevCertificateAuthority.Create("example.org");
    private readonly DevCertificateAuthority partner = DevCertificateAuthority.Create("partner.test");

    public void Dispose()
    {
        ca.Dispose();
        partner.Dispose();
    }

    private static Gateway.Credentials.GatewayCredentials Build(X509SVIDResponse x509, JWTBundlesResponse? jwt = null, SvidChoice? choice = null) =>
        WorkloadApiCredentials.Build(x509, jwt, choice ?? new SvidChoice(), "workload-api test", DateTimeOffset.UtcNow);

    [Fact]
    public void DefaultSvid_WithFederatedBundle_GivesOneSetTrustingBothDomains()
    {
        using var svid = ca.IssueGatewaySvid();

        var credentials = Build(Response(svid, ca.Certificate, new Dictionary<string, X509Certificate2[]> { ["partner.test"] = [partner.Certificate] }));

        Assert.Equal("spiffe://example.org/ns/default/gateway", credentials.Id.ToString());
        Assert.True(credentials.Svid.HasPrivateKey);
        Assert.Equal(svid.Thumbprint, credentials.Svid.Thumbprint);
        Assert.Equal(["example.org", "partner.test"], credentials.Bundles.TrustDomains);
        Assert.True(credentials.Bundles.TryGetAnchors("partner.test", out var anchors));
        Assert.Equal(partner.Certificate.Thumbprint, Assert.Single(anchors).Thumbprint);
    }

    [Fact]
    public void KeyOfAnotherSvid_IsRefused()
    {
        using var svid = ca.IssueGatewaySvid();
        using var other = ca.IssueGatewaySvid();

        var ex = Assert.Throws<InvalidDataException>(() => Build(Response([Svid(svid, [ca.Certificate], key: Pkcs8(other))])));

        Assert.Contains("private key does not belong", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SvidFromAnotherCaOfTheSameDomain_DoesNotValidateAgainstItsOwnBundle_IsRefused()
    {
        using var rogue = DevCertificateAuthority.Create("example.org");
        using var svid = rogue.IssueGatewaySvid();

        var ex = Assert.Throws<InvalidDataException>(() => Build(Response(svid, ca.Certificate)));

        Assert.Contains("not valid against its trust bundle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FederatedBundleClaimingTheOwnDomain_IsIgnored_OwnAnchorsComeOnlyWithTheSvid()
    {
        using var rogue = DevCertificateAuthority.Create("example.org");
        using var svid = ca.IssueGatewaySvid();

        var credentials = Build(Response(svid, ca.Certificate, new Dictionary<string, X509Certificate2[]> { ["example.org"] = [rogue.Certificate] }));

        Assert.True(credentials.Bundles.TryGetAnchors("example.org", out var anchors));
        Assert.Equal(ca.Certificate.Thumbprint, Assert.Single(anchors).Thumbprint);
        Assert.Contains(credentials.Notices, notice => notice.Contains("claims the gateway's own trust domain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("certificate")]
    [InlineData("private key")]
    [InlineData("trust bundle")]
    public void EmptyRequiredField_IsRefused(string empty)
    {
        using var svid = ca.IssueGatewaySvid();
        var entry = Svid(svid, [ca.Certificate]);
        switch (empty)
        {
            case "certificate": entry.X509Svid = ByteString.Empty; break;
            case "private key": entry.X509SvidKey = ByteString.Empty; break;
            default: entry.Bundle = ByteString.Empty; break;
        }

        var ex = Assert.Throws<InvalidDataException>(() => Build(Response([entry])));

        Assert.Contains($"empty {empty}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSvid_IsRefused() =>
        Assert.Contains("no SVID", Assert.Throws<InvalidDataException>(() => Build(new X509SVIDResponse())).Message, StringComparison.Ordinal);

    [Fact]
    public void SpiffeIdFieldNotTheCertificates_IsRefused()
    {
        using var svid = ca.IssueGatewaySvid();
        var entry = Svid(svid, [ca.Certificate]);
        entry.SpiffeId = "spiffe://example.org/ns/default/someone-else";

        var ex = Assert.Throws<InvalidDataException>(() => Build(Response([entry])));

        Assert.Contains("not spiffe://example.org/ns/default/someone-else", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralSvids_FirstByDefault_OthersByIdOrHint_UnknownChoiceRefusedNamingTheOffers()
    {
        using var first = ca.IssueSvid("spiffe://example.org/ns/default/gateway");
        using var second = ca.IssueSvid("spiffe://example.org/ns/edge/gateway");
        var response = Response([Svid(first, [ca.Certificate], hint: "internal"), Svid(second, [ca.Certificate], hint: "external")]);

        Assert.Equal(first.Thumbprint, Build(response).Svid.Thumbprint);
        Assert.Equal(second.Thumbprint, Build(response, choice: new SvidChoice(SpiffeId: "spiffe://example.org/ns/edge/gateway")).Svid.Thumbprint);
        Assert.Equal(second.Thumbprint, Build(response, choice: new SvidChoice(Hint: "external")).Svid.Thumbprint);
        var ex = Assert.Throws<InvalidDataException>(() => Build(response, choice: new SvidChoice(Hint: "dmz")));
        Assert.Contains("spiffe://example.org/ns/edge/gateway (hint 'external')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JwtBundlesAsSpireSendsThem_KeysWithoutUse_AreJwtAuthorities_OfTheirOwnDomain()
    {
        using var svid = ca.IssueGatewaySvid();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var credentials = Build(
            Response(svid, ca.Certificate),
            JwtBundles(new Dictionary<string, (string, ECDsa)[]> { ["example.org"] = [("k1", key)], ["partner.test"] = [("p1", key)] }));

        Assert.True(credentials.Bundles.TryGetJwtKeys("example.org", out var own));
        Assert.Equal("k1", Assert.Single(own).KeyId);
        Assert.True(credentials.Bundles.TryGetJwtKeys("partner.test", out var federated));
        Assert.Equal("p1", Assert.Single(federated).KeyId);
        // A domain known only from its JWT bundle gets no X.509 anchors.
        Assert.True(credentials.Bundles.TryGetAnchors("partner.test", out var anchors));
        Assert.Empty(anchors);
    }

    [Fact]
    public void FederatedBundleWithAKeyThatIsNoTrustDomainId_IsIgnoredWithANotice()
    {
        using var svid = ca.IssueGatewaySvid();
        var response = Response(svid, ca.Certificate);
        response.FederatedBundles["spiffe://partner.test/not/root"] = Der([partner.Certificate]);

        var credentials = Build(response);

        Assert.Equal(["example.org"], credentials.Bundles.TrustDomains);
        Assert.Contains(credentials.Notices, notice => notice.Contains("spiffe://partner.test/not/root", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenFederatedBundle_RefusesTheWholeMessage()
    {
        using var svid = ca.IssueGatewaySvid();
        var response = Response(svid, ca.Certificate);
        response.FederatedBundles["spiffe://partner.test"] = ByteString.CopyFromUtf8("not DER");

        var ex = Assert.Throws<InvalidDataException>(() => Build(response));

        Assert.Contains("federated bundle of partner.test", ex.Message, StringComparison.Ordinal);
    }
}
