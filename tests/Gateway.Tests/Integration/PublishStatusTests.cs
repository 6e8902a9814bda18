using System.Net;
using System.Text;
using System.Text.Json;

namespace Gateway.Tests.Integration;

/// <summary>Every row of Dapr's publish status table (Dapr's publish API, https://docs.dapr.io/reference/api/pubsub_api/), through the real gateway.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PublishStatusTests(GatewayFixture fixture)
{
    public static TheoryData<string, string, string?, string, int, string?, string?> Rows => new()
    {
        // caller, path, content type, body, status, errorCode, message
        { "publisher", "/v1.0/publish/pubsub/orders", "application/json", """{"a":1}""", 204, null, null },
        { "publisher", "/v1.0/publish/pubsub/orders?", "text/plain", "hello", 204, null, null },
        { "publisher", "/v1.0/publish/nope/orders", "application/json", "{}", 404, "ERR_PUBSUB_NOT_FOUND", "pubsub nope is not found" },
        { "publisher", "/v1.0/publish/private/orders", "application/json", "{}", 404, "ERR_PUBSUB_NOT_FOUND", "pubsub private is not found" },
        { "publisher", "/v1.0/publish/pubsub/orders?metadata.rawPayload=invalidBooleanValue", "application/json", "{}", 400,
            "ERR_PUBSUB_REQUEST_METADATA", "failed deserializing metadata. Error: rawPayload value must be a valid boolean: actual is 'invalidBooleanValue'" },
        { "publisher", "/v1.0/publish/pubsub/orders", "application/cloudevents+json", """{"}""", 500, "ERR_PUBSUB_CLOUD_EVENTS_SER", "cannot create cloudevent" },
        { "publisher", "/v1.0/publish/pubsub/orders", "application/cloudevents+json", "[1]", 500, "ERR_PUBSUB_CLOUD_EVENTS_SER", "cannot create cloudevent" },
        { "limited", "/v1.0/publish/pubsub/orders", "application/json", "{}", 403, "ERR_PUBSUB_FORBIDDEN", "topic orders is not allowed for app id limited" },
        { "limited", "/v1.0/publish/pubsub/orders?metadata.rawPayload=nope", "application/json", "{}", 400, "ERR_PUBSUB_REQUEST_METADATA", null },
        { "limited", "/v1.0/publish/pubsub/allowed", "application/json", "{}", 204, null, null },
        { "publisher", "/v1.0/publish/pubsub", "application/json", "{}", 404, "ERR_DIRECT_INVOKE", null },
        { "publisher", "/v1.0/publish/pubsub/", "application/json", "{}", 404, "ERR_DIRECT_INVOKE", null },
        { "publisher", "/v1.0/publish", "application/json", "{}", 404, "ERR_DIRECT_INVOKE", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Publish_AnswersAsDaprDoes(string appId, string path, string? contentType, string body, int status, string? errorCode, string? message)
    {
        using var client = fixture.Gateway.ClientFor(appId);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.PostAsync(path, content);

        Assert.Equal(status, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        if (errorCode is null)
        {
            Assert.Equal("", text);
            return;
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetString());
        if (message is not null)
        {
            Assert.Equal(message, error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task UnknownPubsub_HasExactlyOneErrorInfoDetail()
    {
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0/publish/nope/orders?metadata.k=v", new StringContent("{}"));

        var details = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("details");
        var detail = Assert.Single(details.EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", detail.GetProperty("@type").GetString());
        Assert.Equal("DAPR_PUBSUB_NOT_FOUND", detail.GetProperty("reason").GetString());
        Assert.Equal("dapr.io", detail.GetProperty("domain").GetString());
        Assert.Equal("v", detail.GetProperty("metadata").GetProperty("k").GetString());
    }

    [Fact]
    public async Task Forbidden_HasResourceInfoAndErrorInfoDetails()
    {
        using var client = fixture.Gateway.ClientFor("limited");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        var details = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("details").EnumerateArray().ToList();
        var resource = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ResourceInfo");
        Assert.Equal("pubsub", resource.GetProperty("resource_type").GetString());
        Assert.Equal("pubsub", resource.GetProperty("resource_name").GetString());
        var info = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("DAPR_PUBSUB_FORBIDDEN", info.GetProperty("reason").GetString());
        Assert.Equal("orders", info.GetProperty("metadata").GetProperty("topic").GetString());
    }

    [Fact]
    public async Task InvalidCloudEvent_IsRefusedWith400NamingTheAttribute()
    {
        using var client = fixture.Gateway.ClientFor("publisher");
        using var content = new StringContent("""{"specversion":"0.9","id":"1","source":"/s","type":"t"}""");
        content.Headers.ContentType = new("application/cloudevents+json");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
        Assert.Contains("specversion", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeBody_Is413NamingTheLimit()
    {
        using var client = fixture.Gateway.ClientFor("publisher");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/publish/pubsub/orders") { Content = new ByteArrayContent(new byte[5 * 1024 * 1024]) };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ERR_PUBSUB_PUBLISH_MESSAGE", error.GetProperty("errorCode").GetString());
        Assert.Contains("4194304", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishWithGetMethod_FallsThroughTo404()
    {
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.GetAsync("/v1.0/publish/pubsub/orders");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Put_PublishesLikePost()
    {
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PutAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
