using System.Net;
using System.Text.Json;
using Gateway.Certificates;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Who may call: the real TLS handshake on Kestrel, then the 401 that says why not.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class AuthenticationTests(GatewayFixture fixture)
{
    private static async Task<string> MessageOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;

    [Fact]
    public async Task NoClientCertificate_Is401()
    {
        using var client = fixture.Gateway.ClientWith(null);

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("client certificate", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateFromAnotherCaOfTheSameTrustDomain_Is401()
    {
        using var rogue = DevCertificateAuthority.Create(fixture.Pki.TrustDomain);
        using var client = fixture.Gateway.ClientWith(rogue.IssueSvid(new SvidRequest("publisher")));

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("client certificate refused:", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateOfAnUnknownTrustDomain_Is401NamingTheDomain()
    {
        using var other = DevCertificateAuthority.Create("other.example");
        using var client = fixture.Gateway.ClientWith(other.IssueSvid(new SvidRequest("publisher")));

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("other.example", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpoints_AnswerWithoutAClientCertificate()
    {
        using var client = fixture.Gateway.ClientWith(null);

        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/v1.0/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/v1.0/healthz/outbound")).StatusCode);
    }

    [Fact]
    public async Task Healthz_SaysWhenTheGatewaysOwnSvidExpires()
    {
        using var client = fixture.Gateway.ClientWith(null);
        using var gatewaySvid = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(fixture.Pki.GatewayCertPath);

        using var response = await client.GetAsync("/v1.0/healthz");

        Assert.Equal(
            gatewaySvid.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            response.Headers.GetValues("X-Gateway-Svid-Not-After").Single());
    }

    [Fact]
    public async Task Healthz_WithAnUnknownAppId_Is500()
    {
        using var client = fixture.Gateway.ClientWith(null);

        using var response = await client.GetAsync("/v1.0/healthz?appid=nobody");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("dapr app-id does not match", await MessageOf(response));
    }

    [Fact]
    public async Task Metadata_RequiresAClientCertificate()
    {
        using var client = fixture.Gateway.ClientWith(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1.0/metadata")).StatusCode);
    }
}
