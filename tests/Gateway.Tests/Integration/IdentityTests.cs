using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gateway.Tests.Identity.Jwt;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>JWT-SVID bearer tokens and per-trust-domain ID shapes, end to end on the real gateway.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class IdentityTests : IDisposable
{
    private static string Resources =>
        TestAssets.Yaml("components/in-memory-publishing-scopes.yaml", new { name = "pubsub", publishingScopes = "checkout=orders;publisher=orders" });

    private readonly TestPki pki = new();

    public void Dispose() => pki.Dispose();

    private string WriteJwks()
    {
        var p = TestJwts.EcKey.ExportParameters(false);
        var json = $$"""
            {"keys":[
              {"use":"x509-svid","kty":"EC","x5c":["{{Convert.ToBase64String(pki.Ca.Certificate.RawData)}}"]},
              {"use":"jwt-svid","kty":"EC","kid":"ec-1","crv":"P-256","x":"{{Base64Url.EncodeToString(p.Q.X)}}","y":"{{Base64Url.EncodeToString(p.Q.Y)}}"}
            ],"spiffe_sequence":1}
            """;
        var path = Path.Combine(pki.Directory, "bundle.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<GatewayTestHost> StartWithJwtAsync(bool enabled) => GatewayTestHost.StartAsync(pki, Resources, options =>
    {
        options.TrustBundles[pki.TrustDomain] = WriteJwks();
        options.JwtSvid.Enabled = enabled;
        options.JwtSvid.Audiences.Add("gateway");
    });

    private string Token(DateTimeOffset expires)
    {
        var claims = TestJwts.Claims();
        claims["sub"] = $"spiffe://{pki.TrustDomain}/ns/default/publisher";
        claims["exp"] = expires.ToUnixTimeSeconds();
        claims.Remove("iat");
        return TestJwts.Sign(TestJwts.Header(), claims);
    }

    private static async Task<HttpResponseMessage> PublishWithBearerAsync(GatewayTestHost gateway, string token)
    {
        using var client = gateway.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/publish/pubsub/orders") { Content = new StringContent("{}") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<string> MessageOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;

    [Fact]
    public async Task Bearer_ValidJwtSvidWithoutClientCertificate_Publishes()
    {
        await using var gateway = await StartWithJwtAsync(enabled: true);

        using var response = await PublishWithBearerAsync(gateway, Token(DateTimeOffset.UtcNow.AddMinutes(5)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_ExpiredJwtSvid_Is401SayingSo()
    {
        await using var gateway = await StartWithJwtAsync(enabled: true);

        using var response = await PublishWithBearerAsync(gateway, Token(DateTimeOffset.UtcNow.AddMinutes(-5)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_WhenJwtSvidsAreDisabled_Is401()
    {
        await using var gateway = await StartWithJwtAsync(enabled: false);

        using var response = await PublishWithBearerAsync(gateway, Token(DateTimeOffset.UtcNow.AddMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("client certificate", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesShape_ServiceAccountIsTheAppId_WhenConfigured()
    {
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources, options => options.IdShapes[pki.TrustDomain] = "k8s-sa");
        using var client = gateway.ClientWith(pki.Ca.IssueSvid($"spiffe://{pki.TrustDomain}/ns/default/sa/checkout", ["localhost"], [IPAddress.Loopback]));

        using var allowed = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
        using var outOfScope = await client.PostAsync("/v1.0/publish/pubsub/payments", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode);
    }

    [Fact]
    public async Task KubernetesShapedId_WithTheDefaultDaprShape_Is401()
    {
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources);
        using var client = gateway.ClientWith(pki.Ca.IssueSvid($"spiffe://{pki.TrustDomain}/ns/default/sa/checkout", ["localhost"], [IPAddress.Loopback]));

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("shape", await MessageOf(response), StringComparison.Ordinal);
    }
}
