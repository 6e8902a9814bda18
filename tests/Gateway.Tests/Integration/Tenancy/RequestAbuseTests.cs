using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Drivers;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Integration.Tenancy;

/// <summary>
/// Requests shaped to slip past the gateway's checks or to flood its log: a health path climbing into the
/// publish API, a probe asking whether an app exists, a body cut off or sent too slowly, a bulk publish
/// with too many entries. Each is answered plainly, publishes nothing, and logs no unhandled exception.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RequestAbuseTests
{
    [Theory]
    [InlineData("/v1.0/healthz///../../v1.0/publish/pubsub/orders")]
    [InlineData("/v1.0/healthz/../publish/pubsub/orders")]
    [InlineData("/v1.0/healthz/outbound/../../publish/pubsub/orders")]
    public async Task HealthPathWithDotSegments_WithoutACertificate_Is401_AndPublishesNothing(string target)
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        await using var gateway = await StartAsync(pki, subscriber);

        var (status, _) = await RawHttps.SendAsync(gateway.BaseAddress, pki.Ca.Certificate, null,
            $"POST {target} HTTP/1.1\r\nContent-Type: application/json", Encoding.UTF8.GetBytes("""{"attack":1}"""));

        Assert.Equal(401, status);
        using var client = gateway.ClientFor("publisher");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/orders", Json("""{"legit":1}"""))).StatusCode);
        await Eventually.TrueAsync(() => subscriber.Received.Any(d => d.BodyText.Contains("legit", StringComparison.Ordinal)), "the legitimate delivery");
        Assert.DoesNotContain(subscriber.Received, d => d.BodyText.Contains("attack", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Logs.Events, log => log.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ManyUnauthenticatedRequests_AreCountedEach_ButLoggedAsOneLine()
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        await using var gateway = await StartAsync(pki, subscriber);
        using var bare = gateway.ClientWith(null);
        using var refusals = new MeterRecorder();

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bare.PostAsync("/v1.0/publish/pubsub/orders", Json("""{"n":1}"""))).StatusCode);
        }

        Assert.Equal(50, refusals.Sum("gateway.authentication.failures", ("reason", "NoCertificate")));
        var logged = Assert.Single(gateway.Logs.Events, log => log.EventId is EventIds.CallerAuthenticator.Refused or EventIds.CallerAuthenticator.StillRefused);
        Assert.Equal("NoCertificate", logged.Properties["Reason"]);
    }

    [Fact]
    public async Task HealthzAppId_TellsABareProbeNothing_AndACallerOnlyAboutItself()
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        await using var gateway = await StartAsync(pki, subscriber);
        using var bare = gateway.ClientWith(null);
        using var caller = gateway.ClientFor("subscriber");

        var known = await bare.GetAsync("/v1.0/healthz?appid=subscriber");
        var unknown = await bare.GetAsync("/v1.0/healthz?appid=nobody");

        Assert.Equal(HttpStatusCode.InternalServerError, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await caller.GetAsync("/v1.0/healthz?appid=subscriber")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await caller.GetAsync("/v1.0/healthz?appid=publisher")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bare.GetAsync("/v1.0/healthz")).StatusCode);
    }

    [Fact]
    public async Task BodyCutOff_IsLoggedOnceAtDebug_NotAsAnUnhandledException()
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        await using var gateway = await StartAsync(pki, subscriber);

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
            await using var tls = await RawHttps.OpenAsync(tcp, pki.Ca.Certificate, pki.IssueApp("publisher"));
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"POST /v1.0/publish/pubsub/orders HTTP/1.1\r\nHost: {gateway.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"cut\":"));
            await tls.FlushAsync();
        }

        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(log => log.EventId == 1004), "the client fault to be noted");
        var noted = Assert.Single(gateway.Logs.Events, log => log.EventId == 1004);
        Assert.Equal(LogLevel.Debug, noted.Level);
        Assert.DoesNotContain(gateway.Logs.Events, log => log.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task BodySentTooSlowly_Is408_AndLoggedOnceAtDebug()
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        await using var gateway = await StartAsync(pki, subscriber);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
        await using var tls = await RawHttps.OpenAsync(tcp, pki.Ca.Certificate, pki.IssueApp("publisher"));
        await tls.WriteAsync(Encoding.ASCII.GetBytes($"POST /v1.0/publish/pubsub/orders HTTP/1.1\r\nHost: {gateway.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{{"));
        await tls.FlushAsync();

        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends the request; nothing more is sent.
        var answer = await new StreamReader(tls).ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(log => log.EventId == 1004), "the client fault to be noted");
        Assert.Equal(LogLevel.Debug, Assert.Single(gateway.Logs.Events, log => log.EventId == 1004).Level);
        Assert.DoesNotContain(gateway.Logs.Events, log => log.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task BulkPublish_OverTheEntryLimit_Is413_AndPublishesNothing()
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        await using var gateway = await StartAsync(pki, subscriber, options => options.MaxBulkPublishEntries = 3);
        using var client = gateway.ClientFor("publisher");
        var four = "[" + string.Join(",", Enumerable.Range(1, 4).Select(n => $$"""{"entryId":"{{n}}","event":{"over":{{n}}},"contentType":"application/json"}""")) + "]";

        using var response = await client.PostAsync("/v1.0-alpha1/publish/bulk/pubsub/orders", Json(four));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than the limit of 3 (setting Gateway:MaxBulkPublishEntries)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/orders", Json("""{"after":1}"""))).StatusCode);
        await Eventually.TrueAsync(() => subscriber.Received.Any(d => d.BodyText.Contains("after", StringComparison.Ordinal)), "the next delivery");
        Assert.DoesNotContain(subscriber.Received, d => d.BodyText.Contains("over", StringComparison.Ordinal));
    }

    private static Task<GatewayTestHost> StartAsync(TestPki pki, TestSubscriber subscriber, Action<Gateway.Hosting.GatewayOptions>? configure = null) =>
        GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "subscriber", baseUrl = subscriber.BaseAddress }),
            TestAssets.Yaml("subscriptions/scoped.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/orders", app = "subscriber" })), configure);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
