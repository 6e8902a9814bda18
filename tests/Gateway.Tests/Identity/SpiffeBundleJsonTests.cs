using System.Buffers.Text;
using System.Security.Cryptography;
using Gateway.Identity;
using Gateway.Identity.Jwt;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Identity;

/// <summary>SPIFFE bundle (JWKS) documents, per Trust Domain and Bundle §4 consumer rules.</summary>
public sealed class SpiffeBundleJsonTests
{
    private static readonly string RootDer = Convert.ToBase64String(TestCertificates.Root("domain.test").RawData);
    private static readonly ECParameters P256 = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportParameters(false);
    private static readonly ECParameters P384 = ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportParameters(false);
    private static readonly RSAParameters Rsa = RSA.Create(2048).ExportParameters(false);

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static readonly string X509Entry = $$"""{"use":"x509-svid","kty":"EC","crv":"P-256","x":"{{B64(P256.Q.X!)}}","y":"{{B64(P256.Q.Y!)}}","x5c":["{{RootDer}}"]}""";
    private static readonly string EcEntry = $$"""{"use":"jwt-svid","kty":"EC","kid":"ec","crv":"P-256","x":"{{B64(P256.Q.X!)}}","y":"{{B64(P256.Q.Y!)}}"}""";
    private static readonly string Ec384Entry = $$"""{"use":"jwt-svid","kty":"EC","kid":"ec384","crv":"P-384","x":"{{B64(P384.Q.X!)}}","y":"{{B64(P384.Q.Y!)}}"}""";
    private static readonly string RsaEntry = $$"""{"use":"jwt-svid","kty":"RSA","kid":"rsa","n":"{{B64(Rsa.Modulus!)}}","e":"{{B64(Rsa.Exponent!)}}"}""";

    private static (TrustDomainBundle Bundle, List<string> Notes) Parse(string keys, string extra = "")
    {
        var notes = new List<string>();
        var bundle = SpiffeBundleJson.Parse("domain.test", $$"""{"keys":[{{keys}}]{{extra}}}""", "bundle.json", notes);
        return (bundle, notes);
    }

    public static TheoryData<string, int, int, int> Documents() => new()
    {
        // keys, x509 anchors, jwt keys, notes
        { X509Entry + "," + EcEntry, 1, 1, 0 },
        { EcEntry + "," + Ec384Entry + "," + RsaEntry, 0, 3, 0 },
        { string.Empty, 0, 0, 0 },
        { """{"use":"x509-svid","kty":"EC"}""", 0, 0, 1 },
        { """{"use":"x509-svid","kty":"EC","x5c":[]}""", 0, 0, 1 },
        { """{"use":"jwt-svid","kty":"EC","crv":"P-256","x":"AA","y":"AA"}""", 0, 0, 1 },
        { """{"use":"jwt-svid","kty":"OKP","kid":"ed","crv":"Ed25519","x":"AA"}""", 0, 0, 1 },
        { """{"use":"jwt-svid","kty":"EC","kid":"k","crv":"P-192","x":"AA","y":"AA"}""", 0, 0, 1 },
        { """{"use":"wit-svid","kty":"EC","kid":"w"}""", 0, 0, 1 },
        { """{"kty":"EC","kid":"w"}""", 0, 0, 1 },
        { """{"use":"X509-SVID","kty":"EC"}""", 0, 0, 1 },
        { $$"""{"use":"x509-svid","kty":"EC","x5c":["{{RootDer}}","{{RootDer}}"]}""", 1, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Parse_Document_KeepsUsableEntriesAndNotesIgnoredOnes(string keys, int anchors, int jwtKeys, int notes)
    {
        var (bundle, notesSeen) = Parse(keys);

        Assert.Equal(anchors, bundle.X509Authorities.Count);
        Assert.Equal(jwtKeys, bundle.JwtAuthorities!.Count);
        Assert.Equal(notes, notesSeen.Count);
    }

    [Theory]
    [InlineData("""{"spiffe_refresh_hint":60}""")]
    [InlineData("""{"keys":{}}""")]
    [InlineData("""[]""")]
    [InlineData("""{"keys":[]""")]
    [InlineData("""{"keys":[],"keys":[]}""")]
    [InlineData("""{"keys":[{"use":"jwt-svid","use":"x509-svid","kty":"EC"}]}""")]
    [InlineData("""{"keys":[7]}""")]
    [InlineData("""{"keys":[{"use":"x509-svid","x5c":["not base64!"]}]}""")]
    [InlineData("""{"keys":[{"use":"jwt-svid","kty":"EC","kid":"k","crv":"P-256","x":"AAAA","y":"AAAA"}]}""")]
    [InlineData("""{"keys":[],"spiffe_sequence":"one"}""")]
    public void Parse_BrokenDocument_IsRefusedWhole(string json) =>
        Assert.Throws<InvalidDataException>(() => SpiffeBundleJson.Parse("domain.test", json, "bundle.json", []));

    [Fact]
    public void Parse_SameKidTwice_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => Parse(EcEntry + "," + EcEntry));

    [Fact]
    public void Parse_SequenceAndRefreshHint_SequenceKept()
    {
        var (bundle, _) = Parse(EcEntry, ""","spiffe_sequence":12345678901,"spiffe_refresh_hint":60""");

        Assert.Equal(12345678901L, bundle.Sequence);
    }

    [Fact]
    public void Parse_JwtKeys_FitTheirAlgorithmsOnly()
    {
        var (bundle, _) = Parse(EcEntry + "," + Ec384Entry + "," + RsaEntry);
        var byKid = bundle.JwtAuthorities!.ToDictionary(key => key.KeyId);
        JwsAlgorithm.TryGet("ES256", out var es256);
        JwsAlgorithm.TryGet("ES384", out var es384);
        JwsAlgorithm.TryGet("PS512", out var ps512);

        Assert.True(byKid["ec"].Fits(es256!));
        Assert.False(byKid["ec"].Fits(es384!));
        Assert.True(byKid["ec384"].Fits(es384!));
        Assert.True(byKid["rsa"].Fits(ps512!));
        Assert.False(byKid["rsa"].Fits(es256!));
    }

    [Theory]
    [InlineData("{\"keys\":[]}", true)]
    [InlineData("  \n{", true)]
    [InlineData("-----BEGIN CERTIFICATE-----", false)]
    [InlineData("", false)]
    public void LooksLikeJson_DetectsByFirstCharacter(string text, bool expected) =>
        Assert.Equal(expected, SpiffeBundleJson.LooksLikeJson(text));
}
