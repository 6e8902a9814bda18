using System.Net;
using System.Text;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Hosting;

/// <summary>
/// Live reload of the gateway's own settings: appsettings.json in the content root changed on disk while
/// the real gateway runs.
/// </summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class LiveSettingsTests : IDisposable
{
    private static string Resources => TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" });

    private readonly TestPki _pki = new();

    [Fact]
    public async Task MaxRequestBodyBytesLowered_OnDisk_NextPublishOverTheNewLimitGets413()
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources);
        using var publisher = gateway.ClientFor("publisher");
        var body = "{\"pad\":\"" + new string('x', 2000) + "\"}";
        Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync(publisher, body)).StatusCode);

        await WriteSettingsAsync(gateway, """{ "Gateway": { "MaxRequestBodyBytes": 1000 } }""");

        await Eventually.TrueAsync(async () => (await PublishAsync(publisher, body)).StatusCode == HttpStatusCode.RequestEntityTooLarge, "a 413 for 2 KB once the limit is 1000 bytes");
        Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync(publisher, "{}")).StatusCode);
        var applied = Assert.Single(gateway.Logs.Events, e => e.EventId == 1211);
        Assert.Equal("MaxRequestBodyBytes", applied.Properties["Setting"]);
    }

    [Fact]
    public async Task RestartOnlySettingChanged_IsReportedOnce_AndTheOldValueStays()
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources);
        using var publisher = gateway.ClientFor("publisher");

        await WriteSettingsAsync(gateway, """{ "Gateway": { "Listen": "https://127.0.0.1:1", "StateDirectory": "/elsewhere", "MaxRequestBodyBytes": 1000 } }""");

        await Eventually.TrueAsync(() => gateway.Logs.Events.Count(e => e.EventId == 1212) >= 2, "warnings for Listen and StateDirectory");
        var warnings = gateway.Logs.Events.Where(e => e.EventId == 1212).ToList();
        Assert.Equal(new[] { "Listen", "StateDirectory" }, warnings.Select(w => w.Properties["Setting"] ?? "").Order().ToArray());
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.All(warnings, w => Assert.Contains("restart to apply", w.Message, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync(publisher, "{}")).StatusCode);
    }

    [Fact]
    public async Task InvalidFile_KeepsTheLastGoodSettings_AndSaysWhy()
    {
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources);
        using var publisher = gateway.ClientFor("publisher");
        var body = "{\"pad\":\"" + new string('x', 2000) + "\"}";
        await WriteSettingsAsync(gateway, """{ "Gateway": { "MaxRequestBodyBytes": 1000 } }""");
        await Eventually.TrueAsync(async () => (await PublishAsync(publisher, body)).StatusCode == HttpStatusCode.RequestEntityTooLarge, "the 1000-byte limit in force");

        await WriteSettingsAsync(gateway, """{ "Gateway": { "MaxRequestBodyBytes": 100000 """);

        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 1213), "the broken file reported");
        Assert.Contains("appsettings.json", gateway.Logs.Events.First(e => e.EventId == 1213).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PublishAsync(publisher, body)).StatusCode);

        await WriteSettingsAsync(gateway, """{ "Gateway": { "MaxRequestBodyBytes": "many" } }""");

        await Eventually.TrueAsync(() => gateway.Logs.Events.Count(e => e.EventId == 1213) >= 2, "the unusable value reported");
        Assert.Contains("MaxRequestBodyBytes", gateway.Logs.Events.Last(e => e.EventId == 1213).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PublishAsync(publisher, body)).StatusCode);
    }

    public void Dispose() => _pki.Dispose();

    // Expect: 100-continue, as a client sending a body that may be refused should: without it the client may
    // still be sending when the gateway answers 413 and closes the connection, and then loses the answer.
    private static async Task<HttpResponseMessage> PublishAsync(HttpClient publisher, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/publish/pubsub/orders")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        return await publisher.SendAsync(request);
    }

    /// <summary>Replaces appsettings.json in the gateway's content root in one move, as an operator should.</summary>
    private static async Task WriteSettingsAsync(GatewayTestHost gateway, string json)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(temporary, json);
        File.Move(temporary, Path.Combine(gateway.ResourcesDirectory, "appsettings.json"), overwrite: true);
    }
}
