using System.Security.Cryptography.X509Certificates;
using Gateway.Identity;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Identity;

public sealed class X509SvidValidatorTests
{
    private static readonly X509Certificate2 ExampleRoot = TestCertificates.Root("example.org");
    private static readonly X509Certificate2 OtherRoot = TestCertificates.Root("other.org");
    private static readonly TrustBundleSet Bundles = TrustBundleSet.FromCertificates(
    [
        new KeyValuePair<string, IEnumerable<X509Certificate2>>("example.org", [ExampleRoot]),
        new KeyValuePair<string, IEnumerable<X509Certificate2>>("other.org", [OtherRoot]),
    ]);

    [Fact]
    public void ValidLeaf_IsAcceptedWithItsSpiffeId()
    {
        var result = Validate(TestCertificates.ValidLeaf(ExampleRoot));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("spiffe://example.org/ns/default/app1", result.SpiffeId.ToString());
        Assert.Equal(SvidFailureReason.None, result.Reason);
    }

    public static TheoryData<string, string, string> BadLeaves => new()
    {
        { nameof(TestCertificates.NoUriSan), nameof(SvidFailureReason.NoUriSan), "certificate contains no URI SAN" },
        { nameof(TestCertificates.TwoUriSans), nameof(SvidFailureReason.MultipleUriSans), "certificate contains more than one URI SAN" },
        { nameof(TestCertificates.RootIdLeaf), nameof(SvidFailureReason.RootIdLeaf), "has no path" },
        { nameof(TestCertificates.CaLeaf), nameof(SvidFailureReason.LeafIsCa), "leaf certificate with CA flag set to true" },
        { nameof(TestCertificates.KeyCertSignLeaf), nameof(SvidFailureReason.LeafKeyCertSign), "leaf certificate with KeyCertSign key usage" },
        { nameof(TestCertificates.CrlSignLeaf), nameof(SvidFailureReason.LeafCrlSign), "leaf certificate with KeyCrlSign key usage" },
        { nameof(TestCertificates.EkuServerOnlyLeaf), nameof(SvidFailureReason.EkuWithoutClientAuth), "does not include clientAuth" },
        { nameof(TestCertificates.ExpiredLeaf), nameof(SvidFailureReason.Expired), "leaf certificate expired at" },
        { nameof(TestCertificates.NotYetValidLeaf), nameof(SvidFailureReason.NotYetValid), "not valid before" },
    };

    [Theory]
    [MemberData(nameof(BadLeaves))]
    public void BadLeaf_IsRefusedWithItsOwnReason(string leafName, string reason, string message)
    {
        var leaf = leafName switch
        {
            nameof(TestCertificates.NoUriSan) => TestCertificates.NoUriSan(ExampleRoot),
            nameof(TestCertificates.TwoUriSans) => TestCertificates.TwoUriSans(ExampleRoot),
            nameof(TestCertificates.RootIdLeaf) => TestCertificates.RootIdLeaf(ExampleRoot),
            nameof(TestCertificates.CaLeaf) => TestCertificates.CaLeaf(ExampleRoot),
            nameof(TestCertificates.KeyCertSignLeaf) => TestCertificates.KeyCertSignLeaf(ExampleRoot),
            nameof(TestCertificates.CrlSignLeaf) => TestCertificates.CrlSignLeaf(ExampleRoot),
            nameof(TestCertificates.EkuServerOnlyLeaf) => TestCertificates.EkuServerOnlyLeaf(ExampleRoot),
            nameof(TestCertificates.ExpiredLeaf) => TestCertificates.ExpiredLeaf(ExampleRoot),
            nameof(TestCertificates.NotYetValidLeaf) => TestCertificates.NotYetValidLeaf(ExampleRoot),
            _ => throw new ArgumentOutOfRangeException(nameof(leafName), leafName, "unknown test certificate"),
        };

        var result = Validate(leaf);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason.ToString());
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SPIFFE://example.org/ns/default/app1", "scheme is missing or invalid")]
    [InlineData("spiffe://example.org/ns/default/app1#", "path segment characters are limited")]
    [InlineData("spiffe://example.org/ns/./app1", "path cannot contain dot segments")]
    [InlineData("spiffe://EXAMPLE.org/ns/default/app1", "trust domain characters are limited")]
    [InlineData("https://example.org/ns/default/app1", "scheme is missing or invalid")]
    public void UriSanThatIsNotAStrictSpiffeId_IsRefused(string uri, string message)
    {
        var result = Validate(TestCertificates.Leaf(ExampleRoot, uris: [uri]));

        Assert.Equal(SvidFailureReason.InvalidSpiffeId, result.Reason);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30-03-86-01")]
    [InlineData("30-05-86-03-61-C3-A4")]
    [InlineData("30-00-00")]
    public void UndecodableSubjectAltName_IsRefused(string derHex)
    {
        var san = new X509Extension("2.5.29.17", Convert.FromHexString(derHex.Replace("-", string.Empty, StringComparison.Ordinal)), false);

        var result = Validate(TestCertificates.Leaf(ExampleRoot, rawSubjectAltName: san));

        Assert.Equal(SvidFailureReason.MalformedSubjectAltName, result.Reason);
    }

    [Fact]
    public void LeafWithoutKeyUsage_IsRefused()
    {
        var result = Validate(TestCertificates.Leaf(ExampleRoot, keyUsage: null));

        Assert.Equal(SvidFailureReason.MissingDigitalSignature, result.Reason);
    }

    [Fact]
    public void LeafWithKeyEnciphermentOnly_IsRefused()
    {
        var result = Validate(TestCertificates.Leaf(ExampleRoot, keyUsage: X509KeyUsageFlags.KeyEncipherment));

        Assert.Equal(SvidFailureReason.MissingDigitalSignature, result.Reason);
    }

    [Fact]
    public void LeafWithoutExtendedKeyUsage_IsAccepted()
    {
        Assert.True(Validate(TestCertificates.Leaf(ExampleRoot, extendedKeyUsages: [])).IsValid);
    }

    [Fact]
    public void EkuServerOnlyLeaf_IsAcceptedWhenCheckingAServer()
    {
        var result = Validate(TestCertificates.EkuServerOnlyLeaf(ExampleRoot), role: SvidPeerRole.Server);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void EkuClientOnlyLeaf_IsRefusedWhenCheckingAServer()
    {
        var result = Validate(TestCertificates.EkuClientOnlyLeaf(ExampleRoot), role: SvidPeerRole.Server);

        Assert.Equal(SvidFailureReason.EkuWithoutServerAuth, result.Reason);
    }

    [Fact]
    public void WrongTrustDomain_LeafChainingToAnotherDomainsCa_IsRefused()
    {
        // Claims example.org but was signed by other.org's CA, which example.org's bundle does not hold.
        var result = Validate(TestCertificates.ValidLeaf(OtherRoot, "spiffe://example.org/ns/default/app1"));

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
        Assert.Equal("spiffe://example.org/ns/default/app1", result.SpiffeId?.ToString());
    }

    [Fact]
    public void WrongTrustDomain_LeafFromAnotherRootWithTheSameName_IsRefused()
    {
        var impostorRoot = TestCertificates.Root("example.org");

        var result = Validate(TestCertificates.ValidLeaf(impostorRoot), [impostorRoot]);

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
    }

    [Fact]
    public void UnknownTrustDomain_IsRefusedWithGoSpiffesMessage()
    {
        var result = Validate(TestCertificates.ValidLeaf(ExampleRoot, "spiffe://unknown.org/ns/default/app1"));

        Assert.Equal(SvidFailureReason.UnknownTrustDomain, result.Reason);
        Assert.Equal("no X.509 bundle found for trust domain: \"unknown.org\"", result.Message);
    }

    [Fact]
    public void EmptyBundle_TrustsNothing()
    {
        var bundles = TrustBundleSet.FromCertificates("example.org");

        var result = X509SvidValidator.Validate(TestCertificates.ValidLeaf(ExampleRoot), [], bundles, TestCertificates.Now);

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
    }

    [Fact]
    public void ChainThroughIntermediate_IsAcceptedWhenThePeerSendsIt()
    {
        var intermediate = TestCertificates.Intermediate(ExampleRoot, "example.org");

        var result = Validate(TestCertificates.ValidLeaf(intermediate), [intermediate]);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void ChainThroughIntermediate_IsRefusedWhenThePeerDoesNotSendIt()
    {
        var intermediate = TestCertificates.Intermediate(ExampleRoot, "example.org");

        var result = Validate(TestCertificates.ValidLeaf(intermediate));

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
        Assert.Contains("PartialChain", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntermediateFromAnotherDomain_IsRefused()
    {
        // other.org's intermediate minting an example.org ID: bundles are never pooled across domains.
        var intermediate = TestCertificates.Intermediate(OtherRoot, "other.org");

        var result = Validate(TestCertificates.ValidLeaf(intermediate), [intermediate]);

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
    }

    [Fact]
    public void IntermediateThatIsNotACa_IsRefused()
    {
        var notCa = TestCertificates.Intermediate(ExampleRoot, "example.org", isCa: false);

        var result = Validate(TestCertificates.ValidLeaf(notCa), [notCa]);

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
    }

    [Fact]
    public void PeerSentSelfSignedRoot_NeverBecomesAnAnchor()
    {
        var rogueRoot = TestCertificates.Root("example.org");

        var result = Validate(TestCertificates.ValidLeaf(rogueRoot), [rogueRoot]);

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
    }

    [Fact]
    public void CallbackChain_IntermediatesAreTakenFromItsExtraStore()
    {
        var intermediate = TestCertificates.Intermediate(ExampleRoot, "example.org");
        var leaf = TestCertificates.ValidLeaf(intermediate);
        using var callbackChain = new X509Chain();
        callbackChain.ChainPolicy.ExtraStore.Add(leaf);
        callbackChain.ChainPolicy.ExtraStore.Add(intermediate);

        var result = X509SvidValidator.Validate(leaf, callbackChain, Bundles, TestCertificates.Now);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void CallbackChain_Null_MeansNoIntermediates()
    {
        var intermediate = TestCertificates.Intermediate(ExampleRoot, "example.org");

        var result = X509SvidValidator.Validate(
            TestCertificates.ValidLeaf(intermediate), (X509Chain?)null, Bundles, TestCertificates.Now);

        Assert.Equal(SvidFailureReason.ChainInvalid, result.Reason);
    }

    [Fact]
    public void ValidLeaf_CheckedAfterItsExpiry_IsRefusedAsExpired()
    {
        var leaf = TestCertificates.ValidLeaf(ExampleRoot);

        var result = X509SvidValidator.Validate(leaf, [], Bundles, TestCertificates.Now.AddHours(2));

        Assert.Equal(SvidFailureReason.Expired, result.Reason);
    }

    private static SvidValidationResult Validate(
        X509Certificate2 leaf,
        X509Certificate2[]? intermediates = null,
        SvidPeerRole role = SvidPeerRole.Client) =>
        X509SvidValidator.Validate(leaf, intermediates ?? [], Bundles, TestCertificates.Now, role);
}
