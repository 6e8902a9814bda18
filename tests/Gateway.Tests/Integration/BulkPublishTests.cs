using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Bulk publish (Dapr's bulk publish, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/) through the real gateway.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BulkPublishTests(GatewayFixture fixture)
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/v1.0-alpha1/publish/bulk/pubsub/orders")]
    [InlineData("/v1.0/publish/bulk/pubsub/orders")]
    public async Task BulkPublish_EveryEntryIsDeliveredAsItsOwnCloudEvent(string path)
    {
        var marker = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.ClientFor("publisher");
        var body = $$$"""
            [{"entryID":"1","event":{"marker":"{{{marker}}}","n":1},"contentType":"application/json"},
             {"entryId":"2","event":"{{{marker}}} as text","contentType":"text/plain","metadata":{"cloudevent.type":"my.type"}}]
            """;

        using var response = await client.PostAsync(path, Body(body));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => fixture.Subscriber.Received.Count(d => d.Path == "/orders" && d.BodyText.Contains(marker, StringComparison.Ordinal)) >= 2, "two bulk entries");
        var events = fixture.Subscriber.Received.Where(d => d.Path == "/orders" && d.BodyText.Contains(marker, StringComparison.Ordinal)).Select(d => d.Json).ToList();
        Assert.Contains(events, e => e.GetProperty("data").ValueKind == JsonValueKind.Object && e.GetProperty("type").GetString() == "com.dapr.event.sent");
        Assert.Contains(events, e => e.GetProperty("data").ValueKind == JsonValueKind.String && e.GetProperty("data").GetString() == $"{marker} as text" && e.GetProperty("type").GetString() == "my.type");
    }

    [Theory]
    [InlineData("""{"entryID": "}""", "error when unmarshaling the request for topic orders pubsub pubsub: unexpected EOF")]
    [InlineData("""{"entryID": ""}""", "error when unmarshaling the request for topic orders pubsub pubsub: json: cannot unmarshal object into Go value of type []http.bulkPublishMessageEntry")]
    [InlineData("""[{"event":"a","contentType":"text/plain"}]""", "error marshaling events to bytes for topic orders pubsub pubsub. error: entryId is duplicated or not present for entry")]
    [InlineData("""[{"entryId":"1","event":"a","contentType":"text/plain"},{"entryId":"1","event":"b","contentType":"text/plain"}]""", "error marshaling events to bytes for topic orders pubsub pubsub. error: entryId is duplicated or not present for entry")]
    [InlineData("""[{"entryId":"1","event":{"a":1},"contentType":"text/xml"}]""", "error when marshalling cloud event envelope for topic orders pubsub pubsub: error: mismatch between contentType and event")]
    public async Task BulkPublish_BadBody_Is400WithDaprsMessage(string body, string message)
    {
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0-alpha1/publish/bulk/pubsub/orders", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ERR_PUBSUB_EVENTS_SER", error.GetProperty("errorCode").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task BulkPublish_ForbiddenTopic_Is403()
    {
        using var client = fixture.Gateway.ClientFor("limited");

        using var response = await client.PostAsync("/v1.0-alpha1/publish/bulk/pubsub/orders", Body("""[{"entryId":"1","event":"a","contentType":"text/plain"}]"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task BulkPublish_UnknownPubsub_Is404()
    {
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0-alpha1/publish/bulk/nope/orders", Body("[]"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
