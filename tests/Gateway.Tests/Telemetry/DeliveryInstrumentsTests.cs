using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Telemetry;

/// <summary>
/// The delivery instruments as Prometheus shows them, on the real gateway with a real subscriber app that
/// holds a delivery: in flight, consumer lag, retries and durations.
/// </summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class DeliveryInstrumentsTests : IDisposable
{
    private readonly TestPki _pki = new();

    private static string Resources(string pubsub, Uri subscriber) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = pubsub, redeliveryDelay = "1h" }),
        TestAssets.Yaml("resiliency/inbound-retry.yaml", new { pubsub, maxRetries = 1 }),
        TestAssets.Yaml("apps/app-max-concurrency.yaml", new { name = "subscriber", baseUrl = subscriber, maxConcurrency = 1 }),
        TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub, topic = "orders", route = "/orders" }));

    [Fact]
    public async Task Scrape_WhileTheAppHoldsADelivery_ShowsInFlightAndLag_ThenRetriesAndDurations()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAttempts = 0;
        await using var subscriber = await TestSubscriber.StartAsync(_pki.IssueApp("subscriber"));
        subscriber.Reply = async delivery =>
        {
            if (delivery.Path != "/orders")
            {
                return (404, "");
            }

            await release.Task;

            // The first message fails once, so the retry policy tries it a second time.
            return delivery.BodyText.Contains("\"n\":0", StringComparison.Ordinal) && Interlocked.Increment(ref firstAttempts) == 1 ? (500, "") : (200, "");
        };
        var pubsub = "lag-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources(pubsub, subscriber.BaseAddress), options =>
        {
            options.MetricsListen = "http://127.0.0.1:0";
            options.Telemetry.ConsumerLagInterval = TimeSpan.FromMilliseconds(100);
        });
        using var scraper = new HttpClient { BaseAddress = MetricsAddress(gateway) };
        using var publisher = gateway.ClientFor("publisher");
        for (var n = 0; n < 3; n++)
        {
            using var response = await publisher.PostAsync($"/v1.0/publish/{pubsub}/orders", new StringContent($"{{\"n\":{n}}}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var series = $"app=\"subscriber\",pubsub=\"{pubsub}\",topic=\"orders\"";
        string Attempts(string outcome) => $"app=\"subscriber\",outcome=\"{outcome}\",pubsub=\"{pubsub}\",topic=\"orders\"";
        var lagSeries = $"group=\"subscriber\",pubsub=\"{pubsub}\",topic=\"orders\"";
        string held = "";
        await Eventually.TrueAsync(
            async () => Value(held = await scraper.GetStringAsync("/metrics"), "gateway_deliveries_in_flight", series) == 1
                && Value(held, "gateway_consumer_lag", lagSeries) > 0,
            "one delivery in flight and messages waiting behind it");
        Assert.Contains("# TYPE gateway_deliveries_in_flight gauge\n", held, StringComparison.Ordinal);
        Assert.Contains("# TYPE gateway_consumer_lag gauge\n", held, StringComparison.Ordinal);

        release.SetResult();
        await Eventually.TrueAsync(() => subscriber.Received.Count(d => d.Path == "/orders") == 4, "three messages delivered, the first one twice");
        string after = "";
        await Eventually.TrueAsync(
            async () => Value(after = await scraper.GetStringAsync("/metrics"), "gateway_deliveries_in_flight", series) == 0
                && Value(after, "gateway_consumer_lag", lagSeries) == 0
                && Value(after, "gateway_delivery_duration_seconds_count", Attempts("success")) == 3,
            "nothing in flight, nothing waiting, three successful attempts timed");
        Assert.Equal(1, Value(after, "gateway_delivery_retries_total", series));
        Assert.Equal(1, Value(after, "gateway_delivery_duration_seconds_count", Attempts("retry")));
        Assert.Equal(3, Value(after, "gateway_publish_duration_seconds_count", $"pubsub=\"{pubsub}\",result=\"stored\""));
        Assert.Contains("# TYPE gateway_delivery_duration_seconds histogram\n", after, StringComparison.Ordinal);
    }

    public void Dispose() => _pki.Dispose();

    /// <summary>The value of the series <c>name{labels}</c>, or null when the scrape does not have it.</summary>
    private static double? Value(string exposition, string name, string labels)
    {
        var match = Regex.Match(exposition, $"(?m)^{Regex.Escape(name)}\\{{{Regex.Escape(labels)}\\}} (\\S+)$");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static Uri MetricsAddress(GatewayTestHost gateway) =>
        new(gateway.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single(address => address.StartsWith("http://", StringComparison.Ordinal)));
}
