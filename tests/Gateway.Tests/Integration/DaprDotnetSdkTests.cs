using System.Text;
using Dapr;
using Dapr.Client;
using Dapr.Common.Exceptions;
using Gateway.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Integration;

/// <summary>
/// The official Dapr .NET SDK (Dapr.Client 1.19.1), unchanged, against the gateway's gRPC API on its one mTLS
/// port: every pub/sub call a new user would make, each event followed to the subscriber, which also has it
/// parsed by the .NET CloudEvents SDK. Errors are read back through the SDK's own decoding of Dapr's details.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DaprDotnetSdkTests(GatewayFixture fixture)
{
    private async Task<ReceivedDelivery> WaitForAsync(string path, string marker)
    {
        bool Matches(ReceivedDelivery d) => d.Path == path && d.BodyText.Contains(marker, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => fixture.Subscriber.Received.Any(Matches), $"a delivery of {marker} at {path}");
        var delivery = fixture.Subscriber.Received.First(Matches);
        CloudEventsSdk.Parse(delivery);
        return delivery;
    }

    [Fact]
    public async Task PublishEventAsync_Plain_ReachesSubscriberAsDaprCloudEvent()
    {
        var marker = Guid.NewGuid().ToString();
        using var client = DaprSdkClients.For(fixture.Gateway, "sdk-publisher");

        await client.PublishEventAsync("pubsub", "orders", new { marker, amount = 3 });

        var delivery = await WaitForAsync("/orders", marker);
        var cloudEvent = CloudEventsSdk.Parse(delivery);
        Assert.Equal("sdk-publisher", cloudEvent.Source?.ToString());
        Assert.Equal("com.dapr.event.sent", cloudEvent.Type);
        Assert.Equal("application/json", cloudEvent.DataContentType);
        Assert.Equal("orders", (string?)cloudEvent["topic"]);
        Assert.Equal("pubsub", (string?)cloudEvent["pubsubname"]);
        Assert.Equal(marker, delivery.Json.GetProperty("data").GetProperty("marker").GetString());
        Assert.Equal(3, delivery.Json.GetProperty("data").GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task PublishEventAsync_WithTtlInSeconds_EventCarriesExpiration()
    {
        var marker = Guid.NewGuid().ToString();
        using var client = DaprSdkClients.For(fixture.Gateway, "sdk-publisher");

        await client.PublishEventAsync("pubsub", "orders", new { marker }, new Dictionary<string, string> { ["ttlInSeconds"] = "120" });

        var cloudEvent = CloudEventsSdk.Parse(await WaitForAsync("/orders", marker));
        var expiration = DateTimeOffset.Parse((string)cloudEvent["expiration"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiration, DateTimeOffset.UtcNow.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(130));
    }

    [Fact]
    public async Task PublishEventAsync_WithRawPayload_StoresTheBytesUnwrapped()
    {
        // A raw payload that is itself a CloudEvent reaches a plain subscriber exactly as published, unwrapped.
        var marker = Guid.NewGuid().ToString();
        var raw = new Dictionary<string, object>
        {
            ["specversion"] = "1.0", ["id"] = marker, ["source"] = "raw-source", ["type"] = "raw.type", ["topic"] = "orders",
            ["datacontenttype"] = "application/json", ["data"] = new { marker },
        };
        using var client = DaprSdkClients.For(fixture.Gateway, "sdk-publisher");

        await client.PublishEventAsync("pubsub", "orders", raw, new Dictionary<string, string> { ["rawPayload"] = "true" });

        var delivery = await WaitForAsync("/orders", marker);
        var cloudEvent = CloudEventsSdk.Parse(delivery);
        Assert.Equal("raw-source", cloudEvent.Source?.ToString());
        Assert.Equal("raw.type", cloudEvent.Type);
        Assert.Equal(marker, cloudEvent.Id);
        Assert.False(delivery.Json.TryGetProperty("pubsubname", out _), "a raw payload is not wrapped in Dapr's envelope");
    }

    [Fact]
    public async Task PublishByteEventAsync_OctetStream_ArrivesAsDataBase64()
    {
        var marker = Guid.NewGuid().ToString();
        var bytes = Encoding.UTF8.GetBytes("bytes:" + marker);
        using var client = DaprSdkClients.For(fixture.Gateway, "sdk-publisher");

        await client.PublishByteEventAsync("pubsub", "orders", bytes, "application/octet-stream");

        var encoded = Convert.ToBase64String(bytes);
        var delivery = await WaitForAsync("/orders", encoded);
        var cloudEvent = CloudEventsSdk.Parse(delivery);
        Assert.Equal("application/octet-stream", cloudEvent.DataContentType);
        Assert.Equal(bytes, Assert.IsType<byte[]>(cloudEvent.Data));
    }

    [Fact]
    public async Task BulkPublishEventAsync_EveryEntryIsDelivered()
    {
        var markers = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        using var client = DaprSdkClients.For(fixture.Gateway, "sdk-publisher");

        var response = await client.BulkPublishEventAsync("pubsub", "orders", markers.Select(marker => new { marker }).ToList());

        Assert.Empty(response.FailedEntries);
        foreach (var marker in markers)
        {
            var cloudEvent = CloudEventsSdk.Parse(await WaitForAsync("/orders", marker));
            Assert.Equal("sdk-publisher", cloudEvent.Source?.ToString());
        }
    }

    [Fact]
    public async Task GetMetadataAsync_TellsTheCallerItsIdAndComponents()
    {
        using var client = DaprSdkClients.For(fixture.Gateway, "subscriber");

        var metadata = await client.GetMetadataAsync();

        Assert.Equal("subscriber", metadata.Id);
        Assert.Contains(metadata.Components, component => component.Name == "pubsub" && component.Type == "pubsub.in-memory");
        Assert.DoesNotContain(metadata.Components, component => component.Name == "private");
        Assert.Equal("spiffe://public/ns/default/subscriber", metadata.Extended["spiffeId"]);
    }

    [Fact]
    public async Task Publish_WithoutCertificate_IsUnauthenticated()
    {
        using var client = DaprSdkClients.Create(fixture.Gateway.BaseAddress, fixture.Pki.Ca.Certificate, certificate: null);

        var error = await Assert.ThrowsAnyAsync<DaprException>(() => client.PublishEventAsync("pubsub", "orders", new { x = 1 }));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal(StatusCode.Unauthenticated, rpc.StatusCode);
        Assert.Contains("client certificate", rpc.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DeniedTopic_IsPermissionDeniedWithDaprReason()
    {
        using var client = DaprSdkClients.For(fixture.Gateway, "limited");

        var error = await Assert.ThrowsAnyAsync<DaprException>(() => client.PublishEventAsync("pubsub", "orders", new { x = 1 }));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal(StatusCode.PermissionDenied, rpc.StatusCode);
        Assert.Equal("topic orders is not allowed for app id limited", rpc.Status.Detail);
        var status = rpc.GetRpcStatus()!;
        var errorInfo = status.GetDetail<ErrorInfo>()!;
        Assert.Equal("DAPR_PUBSUB_FORBIDDEN", errorInfo.Reason);
        Assert.Equal("dapr.io", errorInfo.Domain);
        Assert.Equal("orders", errorInfo.Metadata["topic"]);
        Assert.Equal("pubsub", status.GetDetail<ResourceInfo>()!.ResourceName);
        AssertSdkSeesDaprDetails(error, 2);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("private")]
    public async Task Publish_UnknownPubsub_IsInvalidArgumentWithDaprReason(string pubsub)
    {
        using var client = DaprSdkClients.For(fixture.Gateway, "sdk-publisher");

        var error = await Assert.ThrowsAnyAsync<DaprException>(() => client.PublishEventAsync(pubsub, "orders", new { x = 1 }));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        Assert.Equal($"pubsub {pubsub} is not found", rpc.Status.Detail);
        var status = rpc.GetRpcStatus()!;
        Assert.Equal("DAPR_PUBSUB_NOT_FOUND", Assert.Single(status.Details).Unpack<ErrorInfo>().Reason);
        AssertSdkSeesDaprDetails(error, 1);
    }

    /// <summary>
    /// The SDK's own reading of the details: it finds Dapr's google.rpc.Status, with the detail type URLs a Dapr
    /// sidecar sends (<c>type.googleapis.com/google.rpc.*</c>). Dapr.Common 1.19.1 compares them with
    /// <c>Google.rpc.*</c> and so files them as unknown details, for a sidecar and the gateway alike.
    /// </summary>
    private static void AssertSdkSeesDaprDetails(DaprException error, int count)
    {
        Assert.True(error.TryGetExtendedErrorInfo(out var info));
        Assert.Equal(count, info!.Details.Length);
        Assert.All(info.Details, detail => Assert.StartsWith("type.googleapis.com/google.rpc.", Assert.IsType<DaprUnknownDetail>(detail).TypeUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BulkPublishEventAsync_DeniedTopic_IsPermissionDenied()
    {
        using var client = DaprSdkClients.For(fixture.Gateway, "limited");

        var error = await Assert.ThrowsAnyAsync<DaprException>(() => client.BulkPublishEventAsync("pubsub", "orders", new[] { new { x = 1 } }));

        Assert.Equal(StatusCode.PermissionDenied, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }
}
