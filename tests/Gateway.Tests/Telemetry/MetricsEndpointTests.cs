using System.Net;
using System.Text.RegularExpressions;
using Gateway.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Telemetry;

/// <summary><c>/metrics</c> on the real gateway: a plain-HTTP port of its own, beside the unchanged mTLS port.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed partial class MetricsEndpointTests : IDisposable
{
    private static string Resources => TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" });

    private readonly TestPki _pki = new();

    [Fact]
    public async Task Scrape_AfterPublishes_ShowsThePublishCounterRising()
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources, options => options.MetricsListen = "http://127.0.0.1:0");
        using var scraper = new HttpClient { BaseAddress = MetricsAddress(gateway) };
        using var publisher = gateway.ClientFor("publisher");

        var before = StoredPublishes(await scraper.GetStringAsync("/metrics"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
        }

        using var response = await scraper.GetAsync("/metrics");
        var after = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(before + 3, StoredPublishes(after));
        Assert.Contains("# TYPE gateway_publishes_total counter\n", after, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^gateway_svid_expiry_seconds \d", after);
    }

    [Theory]
    [InlineData("GET", "/", 404)]
    [InlineData("GET", "/metrics/", 404)]
    [InlineData("GET", "/v1.0/healthz", 404)]
    [InlineData("GET", "/v1.0/metadata", 404)]
    [InlineData("POST", "/v1.0/publish/pubsub/orders", 404)]
    [InlineData("POST", "/metrics", 405)]
    public async Task MetricsPort_AnswersNothingButMetrics(string method, string path, int status)
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources, options => options.MetricsListen = "http://127.0.0.1:0");
        using var scraper = new HttpClient { BaseAddress = MetricsAddress(gateway) };

        using var response = await scraper.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MtlsPort_WithMetricsOn_IsUnchangedAndHasNoMetrics()
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources, options => options.MetricsListen = "http://127.0.0.1:0");
        using var anonymous = gateway.ClientWith(null);
        using var publisher = gateway.ClientFor("publisher");

        Assert.Equal(Uri.UriSchemeHttps, gateway.BaseAddress.Scheme);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.GetAsync("/v1.0/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publisher.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task MetricsListenUnset_OpensOnlyTheMtlsPort()
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources);

        var addresses = gateway.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

        Assert.Equal("https", Assert.Single(addresses).Split(':')[0]);
    }

    public void Dispose() => _pki.Dispose();

    private static Uri MetricsAddress(GatewayTestHost gateway) =>
        new(gateway.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single(address => address.StartsWith("http://", StringComparison.Ordinal)));

    private static int StoredPublishes(string exposition)
    {
        var match = StoredPublishesLine().Match(exposition);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex("(?m)^gateway_publishes_total\\{pubsub=\"pubsub\",result=\"stored\"\\} (\\d+)$")]
    private static partial Regex StoredPublishesLine();
}
