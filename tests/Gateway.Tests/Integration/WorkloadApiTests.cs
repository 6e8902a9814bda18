using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Credentials.WorkloadApi;
using Gateway.Tests.Credentials;
using Gateway.Tests.Credentials.WorkloadApi;
using Gateway.Tests.TestSupport;
using Grpc.Core;
using static Gateway.Tests.Credentials.WorkloadApi.WorkloadApiMessages;

namespace Gateway.Tests.Integration;

/// <summary>
/// The gateway with the SPIFFE Workload API as its credential source, against the tests' own Workload API
/// server on a Unix socket: start, rotation pushed on the stream, federation from the stream, the agent
/// going away and coming back.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WorkloadApiTests : IDisposable
{
    private readonly TestPki pki = new("example.org");

    public void Dispose() => pki.Dispose();

    [Fact]
    public async Task GatewayStartsFromTheWorkloadApi_PresentsTheAgentsSvid_AcceptsItsDomainsCallers_HealthSaysCurrent()
    {
        using var svid = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(svid, pki.Ca.Certificate));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);

        Assert.Equal(svid.Thumbprint, await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress));
        using var client = TlsClients.Create(gateway.BaseAddress, pki.Ca.Certificate, pki.IssueApp("publisher"));
        using var publish = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NoContent, publish.StatusCode);
        using var health = await client.GetAsync("/v1.0/healthz");
        Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        var state = Assert.Single(health.Headers.GetValues("X-Gateway-Credentials"));
        Assert.StartsWith($"state=current; source=workload-api {agent.Endpoint};", state, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 2401 && e.Properties["SpiffeId"] == "spiffe://example.org/ns/default/gateway");
    }

    [Fact]
    public async Task RotationPushedOnTheStream_NextHandshakeUsesIt_KeepAliveClientPublishesWithoutAFailure()
    {
        using var first = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(first, pki.Ca.Certificate));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);
        var handshakes = new ConcurrentQueue<string>();
        using var keepAlive = TlsClients.KeepAlive(gateway.BaseAddress, pki.IssueApp("publisher"), handshakes);
        await using var publisher = new ContinuousPublisher(keepAlive);
        await publisher.WaitForMoreAsync();

        using var second = pki.Ca.IssueGatewaySvid();
        agent.SetX509(Response(second, pki.Ca.Certificate));
        await ServerCertificateProbe.WaitForAsync(gateway.BaseAddress, second.Thumbprint);
        await publisher.WaitForMoreAsync();

        Assert.Empty(await publisher.StopAsync());
        Assert.Equal([first.Thumbprint], handshakes);
    }

    [Fact]
    public async Task FederatedBundleAddedOnTheStream_LetsThatDomainsCallerIn_ItsRemovalShutsItOut()
    {
        using var partner = DevCertificateAuthority.Create("partner.test");
        using var partnerCaller = partner.IssueSvid(new SvidRequest("publisher", IpAddresses: [IPAddress.Loopback]));
        using var svid = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(svid, pki.Ca.Certificate));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);
        Assert.Equal(HttpStatusCode.Unauthorized, await PublishAsync(gateway, partnerCaller));

        agent.SetX509(Response(svid, pki.Ca.Certificate, new Dictionary<string, X509Certificate2[]> { ["partner.test"] = [partner.Certificate] }));
        await WaitForStatusAsync(gateway, partnerCaller, HttpStatusCode.NoContent);
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 2406 && e.Properties["TrustDomain"] == "partner.test");

        agent.SetX509(Response(svid, pki.Ca.Certificate));
        await WaitForStatusAsync(gateway, partnerCaller, HttpStatusCode.Unauthorized);
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 2407 && e.Properties["TrustDomain"] == "partner.test");
    }

    [Fact]
    public async Task AgentGoesAway_LastGoodSetKept_PublishingContinues_HealthSaysStale_ItsReturnIsPickedUp()
    {
        using var first = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(first, pki.Ca.Certificate));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);
        using var keepAlive = TlsClients.KeepAlive(gateway.BaseAddress, pki.IssueApp("publisher"), new ConcurrentQueue<string>());
        await using var publisher = new ContinuousPublisher(keepAlive);
        await publisher.WaitForMoreAsync();

        await agent.StopAsync();
        await Eventually.TrueAsync(() => gateway.Store.Status.LastError is not null, "the gateway noticed the agent is gone");
        await publisher.WaitForMoreAsync();
        // New connections too: the last good SVID is still presented and callers still checked.
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(gateway, pki.IssueApp("publisher")));
        Assert.Equal(first.Thumbprint, await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress));
        var stale = await HealthStateAsync(gateway);
        using (var bare = TlsClients.Create(gateway.BaseAddress, pki.Ca.Certificate, null))
        using (var probe = await bare.GetAsync("/v1.0/healthz"))
        {
            // The cause (agent address, its error) is for authenticated callers only.
            Assert.Equal("state=stale", Assert.Single(probe.Headers.GetValues("X-Gateway-Credentials")));
        }

        Assert.StartsWith("state=stale;", stale, StringComparison.Ordinal);
        Assert.Contains("cannot be used", stale, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 2403);

        using var rotatedWhileAway = pki.Ca.IssueGatewaySvid();
        agent.SetX509(Response(rotatedWhileAway, pki.Ca.Certificate));
        await agent.StartAgainAsync();
        await ServerCertificateProbe.WaitForAsync(gateway.BaseAddress, rotatedWhileAway.Thumbprint);
        await Eventually.TrueAsync(async () => (await HealthStateAsync(gateway)).StartsWith("state=current;", StringComparison.Ordinal), "health says current again");

        Assert.Empty(await publisher.StopAsync());
    }

    [Fact]
    public async Task MessageWithAnEmptyKey_IsDiscarded_TheCurrentSvidStays_HealthSaysWhy()
    {
        using var first = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(first, pki.Ca.Certificate));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);

        using var next = pki.Ca.IssueGatewaySvid();
        var broken = Svid(next, [pki.Ca.Certificate]);
        broken.X509SvidKey = Google.Protobuf.ByteString.Empty;
        agent.SetX509(Response([broken]));
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 2402), "the message was discarded");

        Assert.Equal(first.Thumbprint, await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress));
        Assert.Contains("empty private key", await HealthStateAsync(gateway), StringComparison.Ordinal);

        agent.SetX509(Response(next, pki.Ca.Certificate));
        await ServerCertificateProbe.WaitForAsync(gateway.BaseAddress, next.Thumbprint);
        Assert.StartsWith("state=current;", await HealthStateAsync(gateway), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestWithoutTheSecurityHeader_IsRefusedByTheTestAgent_TheGatewaysRequestsCarryIt()
    {
        using var svid = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(svid, pki.Ca.Certificate));
        using var channel = WorkloadApiEndpointFor(agent).CreateChannel();
        var bare = new SpiffeWorkloadAPI.SpiffeWorkloadAPIClient(channel);

        using var call = bare.FetchX509SVID(new X509SVIDRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(1, agent.RefusedWithoutHeader);

        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);
        Assert.Equal(svid.Thumbprint, await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress));
        Assert.Equal(1, agent.RefusedWithoutHeader);
        Assert.True(agent.X509Calls >= 1);
    }

    [Fact]
    public async Task JwtBundlesFromTheStream_VerifyBearerTokens_UntilTheAgentDropsTheKey()
    {
        using var svid = pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(svid, pki.Ca.Certificate));
        agent.SetJwtBundles(JwtBundles(new Dictionary<string, (string, System.Security.Cryptography.ECDsa)[]> { ["example.org"] = [("ec-1", Identity.Jwt.TestJwts.EcKey)] }));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint, options =>
        {
            options.JwtSvid.Enabled = true;
            options.JwtSvid.Audiences.Add("gateway");
        });
        var claims = Identity.Jwt.TestJwts.Claims();
        claims["sub"] = "spiffe://example.org/ns/default/publisher";
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        claims.Remove("iat");
        var token = Identity.Jwt.TestJwts.Sign(Identity.Jwt.TestJwts.Header(), claims);
        Assert.Equal(HttpStatusCode.NoContent, await PublishWithBearerAsync(gateway, token));

        agent.SetJwtBundles(JwtBundles(new Dictionary<string, (string, System.Security.Cryptography.ECDsa)[]> { ["example.org"] = [] }));
        await Eventually.TrueAsync(async () => await PublishWithBearerAsync(gateway, token) == HttpStatusCode.Unauthorized, "the token refused once its key is gone");
    }

    [Fact]
    public async Task SvidNearItsEnd_FromTheAgent_IsWarnedAboutAsWithFiles_AndHealthShowsItsExpiry()
    {
        // Valid from a minute ago for 25 s more (85 s in all): under a third of its lifetime is left.
        using var svid = pki.Ca.IssueGatewaySvid(TimeSpan.FromSeconds(25));
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(svid, pki.Ca.Certificate));
        await using var gateway = await WorkloadApiGateway.StartAsync(agent.Endpoint);

        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 2103 && e.Properties["Serial"] == svid.SerialNumber), "the expiry warning");
        using var client = TlsClients.Create(gateway.BaseAddress, pki.Ca.Certificate, null);
        using var health = await client.GetAsync("/v1.0/healthz");
        Assert.Equal(
            svid.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(health.Headers.GetValues("X-Gateway-Svid-Not-After")));
    }

    private static WorkloadApiEndpoint WorkloadApiEndpointFor(TestWorkloadApiServer agent) =>
        WorkloadApiEndpoint.TryParse(agent.Endpoint, out var endpoint, out var error) ? endpoint : throw new InvalidOperationException(error);

    private async Task<HttpStatusCode> PublishAsync(WorkloadApiGateway gateway, X509Certificate2 caller)
    {
        using var client = TlsClients.Create(gateway.BaseAddress, pki.Ca.Certificate, caller);
        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> PublishWithBearerAsync(WorkloadApiGateway gateway, string token)
    {
        using var client = TlsClients.Create(gateway.BaseAddress, pki.Ca.Certificate, null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/publish/pubsub/orders") { Content = new StringContent("{}") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The credential state as an authenticated caller reads it (a bare probe gets only <c>state=...</c>).</summary>
    private async Task<string> HealthStateAsync(WorkloadApiGateway gateway)
    {
        using var client = TlsClients.Create(gateway.BaseAddress, pki.Ca.Certificate, pki.IssueApp("operator"));
        using var response = await client.GetAsync("/v1.0/healthz");
        return Assert.Single(response.Headers.GetValues("X-Gateway-Credentials"));
    }

    private async Task WaitForStatusAsync(WorkloadApiGateway gateway, X509Certificate2 caller, HttpStatusCode expected) =>
        await Eventually.TrueAsync(async () => await PublishAsync(gateway, caller) == expected, $"a new connection answered {(int)expected}");

}
