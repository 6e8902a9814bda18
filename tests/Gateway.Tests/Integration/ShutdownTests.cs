using System.Net;
using System.Text;
using Gateway.Subscriptions;
using Gateway.Delivery;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// Stopping delivery while a delivery is in flight leaves the message unacknowledged; when delivery
/// starts again (a restarted subscription in the same consumer group) it is delivered.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ShutdownTests
{
    [Fact]
    public async Task StopMidDelivery_MessageIsDeliveredAgainWhenDeliveryRestarts()
    {
        using var pki = new TestPki();
        var firstArrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        var ordersDeliveries = 0;
        subscriber.Reply = async delivery =>
        {
            if (delivery.Path == "/orders" && Interlocked.Increment(ref ordersDeliveries) == 1)
            {
                firstArrived.TrySetResult();
                await release.Task;
            }

            return (200, "");
        };
        await using var gateway = await GatewayTestHost.StartAsync(pki, GatewayFixture.Resources(subscriber.BaseAddress));
        using var client = gateway.ClientFor("publisher");
        var marker = Guid.NewGuid().ToString();

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent($$"""{"marker":"{{marker}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await firstArrived.Task.WaitAsync(Eventually.DefaultTimeout);

        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();
        await manager.StopAsync(CancellationToken.None);
        release.TrySetResult();
        await using var restarted = ActivatorUtilities.CreateInstance<SubscriptionManager>(gateway.App.Services);
        await restarted.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => subscriber.Received.Count(d => d.Path == "/orders") >= 2, "the message delivered again");
        var deliveries = subscriber.Received.Where(d => d.Path == "/orders").ToList();
        Assert.All(deliveries.Take(2), d => Assert.Contains(marker, d.BodyText, StringComparison.Ordinal));
        Assert.Equal(deliveries[0].Json.GetProperty("id").GetString(), deliveries[1].Json.GetProperty("id").GetString());
    }
}
